package org.linkage.activity.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.linkage.activity.domain.SessionKind;
import org.linkage.activity.domain.SessionStatus;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

@Schema(description = "A session of a pairing")
public record SessionResponse(
        @Schema(required = true) UUID id,
        @Schema(required = true) UUID pairingId,
        @Schema(required = true) SessionKind kind,
        @Schema(required = true) Instant startsAt,
        @Schema(required = true) Instant endsAt,
        @Schema(required = true, nullable = true) UUID stationId,
        @Schema(required = true) SessionStatus status,
        @Schema(required = true) String scheduledBy,
        @Schema(required = true, nullable = true) Instant checkedInAt,
        @Schema(required = true, nullable = true) String checkedInBy,
        @Schema(required = true, nullable = true) Instant checkedOutAt,
        @Schema(required = true, nullable = true) String checkedOutBy,
        @Schema(required = true, nullable = true,
                description = "Credited to the volunteer: time present, at most the session's length")
        BigDecimal hours,
        @Schema(required = true, nullable = true) LocalDate serviceDate,
        @Schema(required = true, nullable = true) String cancelReason) {
}
