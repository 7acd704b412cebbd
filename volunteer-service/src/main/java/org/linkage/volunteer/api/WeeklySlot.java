package org.linkage.volunteer.api;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.DayOfWeek;
import java.time.LocalTime;

@Schema(description = "Every week on that day, from start to end (local time)")
public record WeeklySlot(
        @NotNull @Schema(examples = "SATURDAY") DayOfWeek dayOfWeek,
        @NotNull @Schema(type = SchemaType.STRING, examples = "09:00") LocalTime start,
        @NotNull @Schema(type = SchemaType.STRING, examples = "12:00") LocalTime end) {
}
