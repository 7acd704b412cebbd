package org.linkage.volunteer.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.linkage.volunteer.domain.HoursSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

@Schema(description = "One entry of the service-hours ledger")
public record HoursEntryResponse(
        @Schema(required = true) UUID id,
        @Schema(required = true) HoursSource source,
        @Schema(required = true, nullable = true,
                description = "The need or activity served; for a correction, the entry corrected") UUID sourceId,
        @Schema(required = true, nullable = true,
                description = "The event the hours were credited from") UUID sourceEventId,
        @Schema(required = true) LocalDate serviceDate,
        @Schema(required = true,
                description = "Negative for a correction taking hours back", examples = "2.5") BigDecimal hours,
        @Schema(required = true, nullable = true,
                description = "Who confirmed the service or recorded the correction") String confirmedBy,
        @Schema(required = true, nullable = true, description = "Why a correction was made") String reason,
        @Schema(required = true) Instant recordedAt) {
}
