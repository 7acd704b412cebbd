package org.linkage.notification.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.linkage.notification.domain.DeliveryStatus;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(description = "POSTing one event to a subscription, with every attempt made")
public record WebhookDeliveryResponse(
        UUID id,
        UUID subscriptionId,
        @Schema(description = "Also sent as the Linkage-Event-Id header") UUID eventId,
        @Schema(examples = "AssignmentAccepted") String eventType,
        DeliveryStatus status,
        @Schema(description = "Attempts in the current round; a re-delivery starts a new one", examples = "2")
        int attempts,
        @Schema(description = "When it is tried next, while PENDING") Instant nextAttemptAt,
        @Schema(examples = "answered 503: busy") String lastError,
        Instant sentAt,
        Instant createdAt,
        @Schema(description = "Every attempt, oldest first, including those before a re-delivery")
        List<WebhookAttemptResponse> attemptLog) {
}
