package org.linkage.notification.domain;

public enum DeliveryStatus {
    /** Waiting for its next attempt. */
    PENDING,
    SENT,
    /** Given up after the last attempt. */
    FAILED
}
