package org.linkage.notification.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(description = "A webhook subscription; its secret is never returned")
public record WebhookResponse(
        @Schema(required = true) UUID id,
        @Schema(required = true, examples = "city-platform") String owner,
        @Schema(required = true, examples = "https://city-platform.example.cn/linkage") String url,
        @Schema(required = true, examples = "[\"AssignmentAccepted\"]") List<String> eventTypes,
        @Schema(required = true, nullable = true, examples = "City platform: accepted offers") String description,
        @Schema(required = true) Instant createdAt,
        @Schema(required = true, nullable = true,
                description = "After a secret rotation: until when deliveries are also signed with the previous "
                + "secret; null when only the current one signs") Instant previousSecretValidUntil) {
}
