package org.linkage.notification.domain;

/** Where a notification is delivered. */
public enum NotificationChannel {
    /** The inbox the app reads. */
    IN_APP
}
