package org.linkage.activity.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

@Schema(description = "A volunteer's attendance; hours once checked out")
public record AttendanceResponse(UUID id, UUID activityId, UUID volunteerId, Instant checkedInAt,
                                 Instant checkedOutAt, BigDecimal hours, LocalDate serviceDate) {
}
