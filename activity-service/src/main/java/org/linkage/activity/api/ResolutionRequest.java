package org.linkage.activity.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.linkage.chassis.security.CurrentUser;

@Schema(description = "How the report ended: what was done, or why it was dismissed")
public record ResolutionRequest(
        @Size(max = 64) @Schema(examples = "staff-007", description = CurrentUser.ACTOR_FIELD) String resolvedBy,
        @NotBlank @Size(max = 1000) @Schema(examples = "Manhole cover replaced") String resolution) {
}
