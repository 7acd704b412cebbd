package org.linkage.notification.api;

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
        @Schema(description = "Why the last attempt failed, or why the provider reported it undelivered",
                examples = "aliyun answered 503 busy; TENCENT skipped: its circuit breaker is open after repeated "
                        + "failures")
        String lastError,
        Instant sentAt,
        Instant createdAt,
        @Schema(description = "The SMS provider that accepted it", examples = "ALIYUN") String provider,
        @Schema(description = "The provider's id for the message (Aliyun BizId, Tencent SerialNo), which its "
                + "delivery report names", examples = "900619746936498440^0") String providerMessageId,
        @Schema(description = "When the provider reported the phone received it") Instant deliveredAt) {
}
