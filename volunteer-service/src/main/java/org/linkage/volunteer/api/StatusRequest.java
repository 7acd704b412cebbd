package org.linkage.volunteer.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.linkage.volunteer.domain.VolunteerStatus;

@Schema(description = "Moves a volunteer to another status")
public record StatusRequest(
        @NotNull @Schema(examples = "SUSPENDED") VolunteerStatus status,
        @Size(max = 500) @Schema(description = "Required when suspending or deactivating",
                examples = "Moved out of the district") String reason) {
}
