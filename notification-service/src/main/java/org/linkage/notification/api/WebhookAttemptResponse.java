package org.linkage.notification.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

@Schema(description = "One POST of a delivery")
public record WebhookAttemptResponse(
        @Schema(required = true) Instant attemptedAt,
        @Schema(required = true, nullable = true,
                description = "The receiver's status code; null when no answer came", examples = "503")
        Integer statusCode,
        @Schema(required = true, nullable = true, description = "Why it did not count as received; null when it did",
                examples = "answered 503: busy") String error,
        @Schema(required = true, description = "How long the POST took", examples = "42") long durationMillis) {
}
