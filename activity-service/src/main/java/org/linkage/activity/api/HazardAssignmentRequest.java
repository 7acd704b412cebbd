package org.linkage.activity.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Who deals with the hazard")
public record HazardAssignmentRequest(
        @NotBlank @Size(max = 120) @Schema(examples = "District roads department") String assignee) {
}
