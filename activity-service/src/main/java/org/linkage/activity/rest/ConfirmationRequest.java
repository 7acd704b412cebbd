package org.linkage.activity.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "The social worker confirms")
public record ConfirmationRequest(@NotBlank @Size(max = 64) @Schema(examples = "sw-0042") String confirmedBy) {
}
