package org.linkage.activity.api;

import jakarta.validation.constraints.PastOrPresent;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

@Schema(description = "The social worker confirms when the volunteer arrived or left")
public record SessionCheckRequest(
        @PastOrPresent @Schema(description = "When; now if left out", examples = "2026-12-08T09:02:00Z")
        Instant at) {
}
