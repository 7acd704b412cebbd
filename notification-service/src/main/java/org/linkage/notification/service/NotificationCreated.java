package org.linkage.notification.service;

import org.linkage.notification.domain.Notification;

/** Fired inside the creating transaction; observed after it commits, to push the notification to open streams. */
public record NotificationCreated(Notification notification) {
}
