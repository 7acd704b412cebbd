package org.linkage.notification.domain;

import java.util.List;
import java.util.Set;

/** What a notification is about; the app picks its actions and icon by it. */
public enum NotificationKind {
    /** A volunteer is offered a need and may accept or decline. */
    OFFER_RECEIVED(true, true),
    /** The social worker's need was accepted by a volunteer. */
    ASSIGNMENT_CONFIRMED(false, false),
    /** A volunteer offered themselves for the social worker's need: the social worker confirms or refuses it. */
    VOLUNTEER_OFFERED(false, false),
    /** The volunteer took back their own offer for the social worker's need before it was confirmed. */
    VOLUNTEER_OFFER_WITHDRAWN(false, false),
    /** The volunteer's own offer was still unconfirmed when the need began: it lapsed. */
    VOLUNTEER_OFFER_LAPSED(false, false),
    /** Nobody could take the social worker's need: they must step in. */
    NEED_UNMATCHED(false, false),
    /** The volunteer's offer ran out before they answered. */
    OFFER_EXPIRED(false, false),
    /** The social worker took the offer back. */
    OFFER_WITHDRAWN(false, false),
    /** Others filled the need: the volunteer need not (and must not) come. */
    STOOD_DOWN(true, true),
    /** An activity the volunteer signed up for is tomorrow, or in an hour. */
    ACTIVITY_REMINDER(false, false),
    /** The volunteer holds a place at an activity, at once or promoted from the waitlist. */
    SIGN_UP_CONFIRMED(false, false),
    /** Staff cancelled an activity the volunteer held a place at. */
    ACTIVITY_CANCELLED(false, false),
    /** A verified certification expires within 30 days. */
    CERTIFICATION_EXPIRING(false, false),
    /** A verified certification no longer counts. */
    CERTIFICATION_EXPIRED(false, false),
    /** The volunteer's lifetime hours reached a new star level. */
    STAR_LEVEL_REACHED(false, false),
    /** Service hours were added to (or corrected in) the volunteer's record. */
    HOURS_CREDITED(false, false),
    /** The volunteer of a child's one-to-one pairing is no longer active: the responsible social worker acts. */
    PAIRING_PAUSED(false, false),
    /** A child's one-to-one pairing is due for its periodic review within a week: the responsible social worker. */
    PAIRING_REVIEW_DUE(false, false),
    /**
     * Staff registered the person: their one-time invitation code, sent by SMS only (to the number staff registered)
     * and wiped from the notification once the SMS is sent or given up.
     */
    INVITATION(true, false);

    private final boolean essential;
    private final boolean pushedByDefault;

    NotificationKind(boolean essential, boolean pushedByDefault) {
        this.essential = essential;
        this.pushedByDefault = pushedByDefault;
    }

    /**
     * The channels of a person who chose none for this kind: the inbox, and a push to their phones for what cannot
     * wait (offers, emergencies among them, and being stood down on the way).
     */
    public List<NotificationChannel> defaultChannels() {
        return pushedByDefault ? List.of(NotificationChannel.IN_APP, NotificationChannel.PUSH)
                : List.of(NotificationChannel.IN_APP);
    }

    /** Whether people must get it: they may choose its channels but not unsubscribe from it. */
    public boolean essential() {
        return essential;
    }

    /** The data kept only while the message may still be sent: an invitation's one-time code. */
    public Set<String> secretData() {
        return this == INVITATION ? Set.of("code") : Set.of();
    }
}
