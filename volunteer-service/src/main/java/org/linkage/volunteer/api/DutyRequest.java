package org.linkage.volunteer.api;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Switches a volunteer on or off duty for emergencies")
public record DutyRequest(@NotNull @Schema(examples = "true") Boolean onDuty) {
}
