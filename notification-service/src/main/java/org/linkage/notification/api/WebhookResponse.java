package org.linkage.notification.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(description = "A webhook subscription; its secret is never returned")
public record WebhookResponse(
        UUID id,
        @Schema(examples = "city-platform") String owner,
        @Schema(examples = "https://city-platform.example.cn/linkage") String url,
        @Schema(examples = "[\"AssignmentAccepted\"]") List<String> eventTypes,
        @Schema(examples = "City platform: accepted offers") String description,
        Instant createdAt,
        @Schema(description = "After a secret rotation: until when deliveries are also signed with the previous "
                + "secret; null when only the current one signs") Instant previousSecretValidUntil) {
}
