package org.linkage.volunteer.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(description = "A volunteer's whole availability, replacing the previous one")
public record AvailabilityRequest(
        @NotNull @Size(max = 50) List<@Valid @NotNull WeeklySlot> weeklySlots,
        @Size(max = 100) @Schema(description = "Omitted means none") List<@Valid @NotNull AvailabilityException> exceptions,
        @Min(1) @Max(84) @Schema(description = "Most hours a week; omitted for no cap", examples = "8")
        Integer weeklyHoursCap) {
}
