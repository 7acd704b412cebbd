package org.linkage.notification.domain;

/** What a notification is about; the app picks its actions and icon by it. */
public enum NotificationKind {
    /** A volunteer is offered a need and may accept or decline. */
    OFFER_RECEIVED,
    /** The social worker's need was accepted by a volunteer. */
    ASSIGNMENT_CONFIRMED,
    /** Nobody could take the social worker's need: they must step in. */
    NEED_UNMATCHED,
    /** The volunteer's offer ran out before they answered. */
    OFFER_EXPIRED,
    /** The social worker took the offer back. */
    OFFER_WITHDRAWN,
    /** Others filled the need: the volunteer need not (and must not) come. */
    STOOD_DOWN
}
