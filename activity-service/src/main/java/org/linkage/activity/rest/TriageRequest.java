package org.linkage.activity.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Staff judge how dangerous the hazard is")
public record TriageRequest(
        @NotBlank @Size(max = 64) @Schema(examples = "staff-007") String triagedBy,
        @NotNull @Schema(examples = "HIGH") Severity severity) {

    public enum Severity {
        LOW, MEDIUM, HIGH
    }
}
