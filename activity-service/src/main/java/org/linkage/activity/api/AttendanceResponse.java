package org.linkage.activity.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

@Schema(description = "A volunteer's attendance; hours once checked out")
public record AttendanceResponse(
        @Schema(required = true) UUID id,
        @Schema(required = true) UUID activityId,
        @Schema(required = true) UUID volunteerId,
        @Schema(required = true) Instant checkedInAt,
        @Schema(required = true, nullable = true) Instant checkedOutAt,
        @Schema(required = true, nullable = true) BigDecimal hours,
        @Schema(required = true, nullable = true) LocalDate serviceDate) {
}
