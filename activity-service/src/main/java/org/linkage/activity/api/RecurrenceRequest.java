package org.linkage.activity.api;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.linkage.activity.domain.Recurrence;

import java.time.LocalDate;

@Schema(description = "Each occurrence is raised as a need of its own ahead of its day")
public record RecurrenceRequest(
        @NotNull @Schema(examples = "MONTHLY") Recurrence frequency,
        @Schema(examples = "2027-06-30", description = "The last day an occurrence may fall on; none for no end")
        LocalDate until) {
}
