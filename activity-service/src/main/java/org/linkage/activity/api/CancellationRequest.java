package org.linkage.activity.api;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.linkage.chassis.security.CurrentUser;

@Schema(description = "Who calls something off, and why")
public record CancellationRequest(
        @Size(max = 64) @Schema(examples = "sw-0042", description = CurrentUser.ACTOR_FIELD) String cancelledBy,
        @Size(max = 500) @Schema(examples = "The resident moved to her daughter's") String reason) {
}
