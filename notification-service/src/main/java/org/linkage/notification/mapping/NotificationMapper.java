package org.linkage.notification.mapping;

import org.linkage.notification.api.NotificationResponse;
import org.linkage.notification.domain.Notification;

public final class NotificationMapper {

    public static NotificationResponse toResponse(Notification notification) {
        return new NotificationResponse(notification.id, notification.sequence, notification.recipient,
                notification.kind, notification.title, notification.body, notification.data, notification.createdAt,
                notification.readAt);
    }

    private NotificationMapper() {
    }
}
