package org.linkage.activity.rest;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.linkage.activity.domain.CancelledBy;

@Schema(description = "Which side ends the sign-up")
public record SignUpCancellationRequest(@NotNull @Schema(examples = "VOLUNTEER") CancelledBy cancelledBy) {
}
