package org.linkage.activity.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.linkage.chassis.security.CurrentUser;

@Schema(description = "Staff judge how dangerous the hazard is")
public record TriageRequest(
        @Size(max = 64) @Schema(examples = "staff-007", description = CurrentUser.ACTOR_FIELD) String triagedBy,
        @NotNull @Schema(examples = "HIGH") Severity severity) {

    public enum Severity {
        LOW, MEDIUM, HIGH
    }
}
