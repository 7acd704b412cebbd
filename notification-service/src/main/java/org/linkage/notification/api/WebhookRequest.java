package org.linkage.notification.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(description = "A subscription to some event types, POSTed signed to a URL")
public record WebhookRequest(
        @NotBlank @Size(max = 2000)
        @Schema(description = "An absolute https URL (http only where configured, in dev and test) on a public "
                + "address, not one of the suite's own hosts", examples = "https://city-platform.example.cn/linkage")
        String url,
        @NotEmpty @Size(max = 50)
        @Schema(description = "Names from GET /api/v1/webhooks/event-types", examples = "[\"AssignmentAccepted\"]")
        List<@NotBlank String> eventTypes,
        @NotNull @Size(min = 32, max = 256)
        @Schema(description = "At least 32 characters; signs every delivery (HMAC-SHA256) and is never shown again",
                examples = "9b1e3c0f6a4d4e2b8c7f5a1d3e9b2c4f")
        String secret,
        @Size(max = 200) @Schema(examples = "City platform: accepted offers") String description) {
}
