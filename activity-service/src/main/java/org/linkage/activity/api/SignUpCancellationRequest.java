package org.linkage.activity.api;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.linkage.activity.domain.CancelledBy;

@Schema(description = "Which side ends the sign-up")
public record SignUpCancellationRequest(@NotNull @Schema(examples = "VOLUNTEER") CancelledBy cancelledBy) {
}
