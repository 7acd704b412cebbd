package org.linkage.notification.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.linkage.notification.domain.DeliveryStatus;
import org.linkage.notification.domain.NotificationChannel;

import java.time.Instant;
import java.util.UUID;

@Schema(description = "Sending one notification by email, SMS or push (one per device), with the outcome of its "
        + "attempts")
public record DeliveryResponse(
        @Schema(required = true) UUID id,
        @Schema(required = true) UUID notificationId,
        @Schema(required = true) NotificationChannel channel,
        @Schema(required = true,
                description = "The address or phone it goes to; for PUSH the device's id (never its token)",
                examples = "13812345678") String destination,
        @Schema(required = true) DeliveryStatus status,
        @Schema(required = true, description = "Attempts made so far", examples = "2") int attempts,
        @Schema(required = true, nullable = true,
                description = "When it is tried next, while PENDING; after quiet hours for routine messages")
        Instant nextAttemptAt,
        @Schema(required = true, nullable = true,
                description = "Why the last attempt failed, or why the provider reported it undelivered",
                examples = "aliyun answered 503 busy; TENCENT skipped: its circuit breaker is open after repeated "
                        + "failures")
        String lastError,
        @Schema(required = true, nullable = true) Instant sentAt,
        @Schema(required = true) Instant createdAt,
        @Schema(required = true, nullable = true,
                description = "The SMS provider that accepted it", examples = "ALIYUN") String provider,
        @Schema(required = true, nullable = true,
                description = "The provider's id for the message (Aliyun BizId, Tencent SerialNo), which its "
                + "delivery report names", examples = "900619746936498440^0") String providerMessageId,
        @Schema(required = true, nullable = true,
                description = "When the provider reported the phone received it") Instant deliveredAt) {
}
