package org.linkage.volunteer.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.linkage.volunteer.domain.HoursSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

@Schema(description = "One entry of the service-hours ledger")
public record HoursEntryResponse(
        UUID id,
        HoursSource source,
        @Schema(description = "The need or activity served; for a correction, the entry corrected") UUID sourceId,
        @Schema(description = "The event the hours were credited from") UUID sourceEventId,
        LocalDate serviceDate,
        @Schema(description = "Negative for a correction taking hours back", examples = "2.5") BigDecimal hours,
        @Schema(description = "Who confirmed the service or recorded the correction") String confirmedBy,
        @Schema(description = "Why a correction was made") String reason,
        Instant recordedAt) {
}
