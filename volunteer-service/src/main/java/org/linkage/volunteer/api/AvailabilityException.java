package org.linkage.volunteer.api;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.linkage.events.volunteer.VolunteerAvailabilityChanged.Kind;

import java.time.LocalDate;
import java.time.LocalTime;

@Schema(description = "A day that differs from the weekly pattern: away (whole day without times) or extra time")
public record AvailabilityException(
        @NotNull @Schema(examples = "2027-12-24") LocalDate date,
        @NotNull @Schema(examples = "AWAY") Kind kind,
        @Schema(type = SchemaType.STRING, nullable = true, description = "Required for EXTRA", examples = "14:00")
        LocalTime start,
        @Schema(type = SchemaType.STRING, nullable = true, description = "Given with start", examples = "17:00")
        LocalTime end) {
}
