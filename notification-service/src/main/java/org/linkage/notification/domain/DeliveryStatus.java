package org.linkage.notification.domain;

public enum DeliveryStatus {
    /** Waiting for its next attempt. */
    PENDING,
    /** Accepted by the mail relay or the SMS provider. */
    SENT,
    /** The SMS provider reported that the phone received it. */
    DELIVERED,
    /** Given up after the last attempt, refused by the provider, or reported undelivered. */
    FAILED,
    /** An escalation that was not needed: the offer was opened or answered in time, or it closed. */
    CANCELLED
}
