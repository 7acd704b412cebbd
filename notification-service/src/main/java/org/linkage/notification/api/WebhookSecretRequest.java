package org.linkage.notification.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A new signing secret, and how long the current one keeps signing next to it")
public record WebhookSecretRequest(
        @NotNull @Size(min = 32, max = 256)
        @Schema(description = "At least 32 characters; never shown again",
                examples = "4c7e1a9f2b8d4e6a0c3f5b7d9e1a2c4e")
        String secret,
        @Min(0) @Max(10080)
        @Schema(description = "Minutes during which deliveries are signed with both secrets (new first); 0 ends the "
                + "old secret at once. Default 1440 (a day), at most 10080 (a week)", examples = "1440")
        Integer overlapMinutes) {

    public static final int DEFAULT_OVERLAP_MINUTES = 1440;
}
