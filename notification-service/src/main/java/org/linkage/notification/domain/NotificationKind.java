package org.linkage.notification.domain;

/** What a notification is about; the app picks its actions and icon by it. */
public enum NotificationKind {
    /** A volunteer is offered a need and may accept or decline. */
    OFFER_RECEIVED(true),
    /** The social worker's need was accepted by a volunteer. */
    ASSIGNMENT_CONFIRMED(false),
    /** Nobody could take the social worker's need: they must step in. */
    NEED_UNMATCHED(false),
    /** The volunteer's offer ran out before they answered. */
    OFFER_EXPIRED(false),
    /** The social worker took the offer back. */
    OFFER_WITHDRAWN(false),
    /** Others filled the need: the volunteer need not (and must not) come. */
    STOOD_DOWN(true),
    /** An activity the volunteer signed up for is tomorrow, or in an hour. */
    ACTIVITY_REMINDER(false),
    /** The volunteer holds a place at an activity, at once or promoted from the waitlist. */
    SIGN_UP_CONFIRMED(false),
    /** Staff cancelled an activity the volunteer held a place at. */
    ACTIVITY_CANCELLED(false),
    /** A verified certification expires within 30 days. */
    CERTIFICATION_EXPIRING(false),
    /** A verified certification no longer counts. */
    CERTIFICATION_EXPIRED(false),
    /** The volunteer's lifetime hours reached a new star level. */
    STAR_LEVEL_REACHED(false),
    /** Service hours were added to (or corrected in) the volunteer's record. */
    HOURS_CREDITED(false);

    private final boolean essential;

    NotificationKind(boolean essential) {
        this.essential = essential;
    }

    /** Whether people must get it: they may choose its channels but not unsubscribe from it. */
    public boolean essential() {
        return essential;
    }
}
