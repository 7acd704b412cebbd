package org.linkage.activity.api;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.DayOfWeek;
import java.time.LocalTime;

@Schema(description = "A station's opening time on one day of the week")
public record OpeningHoursRequest(
        @NotNull @Schema(examples = "MONDAY") DayOfWeek day,
        @NotNull @Schema(examples = "08:30") LocalTime opens,
        @NotNull @Schema(examples = "17:30") LocalTime closes) {

    @AssertTrue(message = "must be after opens")
    @Schema(hidden = true)
    boolean isCloses() {
        return opens == null || closes == null || closes.isAfter(opens);
    }
}
