package org.linkage.notification.mapping;

import org.linkage.notification.api.DeliveryResponse;
import org.linkage.notification.domain.Delivery;

public final class DeliveryMapper {

    public static DeliveryResponse toResponse(Delivery delivery) {
        return new DeliveryResponse(delivery.id, delivery.notificationId, delivery.channel, delivery.destination,
                delivery.status, delivery.attempts, delivery.nextAttemptAt, delivery.lastError, delivery.sentAt,
                delivery.createdAt, delivery.provider, delivery.providerMessageId, delivery.deliveredAt);
    }

    private DeliveryMapper() {
    }
}
