package org.linkage.activity.api;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.linkage.chassis.security.CurrentUser;

@Schema(description = "The social worker confirms")
public record ConfirmationRequest(
        @Size(max = 64) @Schema(examples = "sw-0042", description = CurrentUser.ACTOR_FIELD)
        String confirmedBy) {
}
