package org.linkage.activity.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Why: kept with the pairing's history")
public record ReasonRequest(
        @NotBlank @Size(max = 500) @Schema(examples = "The guardian withdrew the consent by phone") String reason) {
}
