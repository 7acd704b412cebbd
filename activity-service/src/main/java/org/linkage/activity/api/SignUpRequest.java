package org.linkage.activity.api;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

@Schema(description = "A volunteer asks for a place")
public record SignUpRequest(
        @NotNull UUID volunteerId,
        @Schema(defaultValue = "true", description = "When the activity is full: wait for a place (true) or be "
                + "refused (false)") Boolean joinWaitlist) {

    public SignUpRequest {
        joinWaitlist = joinWaitlist == null || joinWaitlist;
    }
}
