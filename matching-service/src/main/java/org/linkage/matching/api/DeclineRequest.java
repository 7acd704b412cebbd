package org.linkage.matching.api;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Why the volunteer cannot take the need; optional")
public record DeclineRequest(
        @Size(max = 500) @Schema(examples = "I am out of town that weekend") String reason) {
}
