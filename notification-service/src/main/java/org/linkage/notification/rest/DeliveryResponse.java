package org.linkage.notification.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.linkage.notification.domain.DeliveryStatus;
import org.linkage.notification.domain.NotificationChannel;

import java.time.Instant;
import java.util.UUID;

@Schema(description = "Sending one notification by email, SMS or push (one per device), with the outcome of its "
        + "attempts")
public record DeliveryResponse(
        UUID id,
        UUID notificationId,
        NotificationChannel channel,
        @Schema(description = "The address or phone it goes to; for PUSH the device's id (never its token)",
                examples = "13812345678") String destination,
        DeliveryStatus status,
        @Schema(description = "Attempts made so far", examples = "2") int attempts,
        @Schema(description = "When it is tried next, while PENDING; after quiet hours for routine messages")
        Instant nextAttemptAt,
        @Schema(description = "Why the last attempt failed", examples = "SMS provider answered 503: busy")
        String lastError,
        Instant sentAt,
        Instant createdAt) {
}
