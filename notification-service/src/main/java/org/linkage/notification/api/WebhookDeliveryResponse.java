package org.linkage.notification.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.linkage.notification.domain.DeliveryStatus;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(description = "POSTing one event to a subscription, with every attempt made")
public record WebhookDeliveryResponse(
        @Schema(required = true) UUID id,
        @Schema(required = true) UUID subscriptionId,
        @Schema(required = true, description = "Also sent as the Linkage-Event-Id header") UUID eventId,
        @Schema(required = true, examples = "AssignmentAccepted") String eventType,
        @Schema(required = true) DeliveryStatus status,
        @Schema(required = true,
                description = "Attempts in the current round; a re-delivery starts a new one", examples = "2")
        int attempts,
        @Schema(required = true, nullable = true,
                description = "When it is tried next, while PENDING") Instant nextAttemptAt,
        @Schema(required = true, nullable = true, examples = "answered 503: busy") String lastError,
        @Schema(required = true, nullable = true) Instant sentAt,
        @Schema(required = true) Instant createdAt,
        @Schema(required = true, description = "Every attempt, oldest first, including those before a re-delivery")
        List<WebhookAttemptResponse> attemptLog) {
}
