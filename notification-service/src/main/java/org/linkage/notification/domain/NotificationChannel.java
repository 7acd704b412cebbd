package org.linkage.notification.domain;

/** Where a notification is delivered. */
public enum NotificationChannel {
    /** The inbox the app reads, and its live stream. */
    IN_APP,
    /** A mail to the address in the person's preferences. */
    EMAIL,
    /** A text message to the phone in the person's preferences. */
    SMS,
    /** A push message to each of the person's registered devices (APNs, FCM, Huawei Push Kit). */
    PUSH
}
