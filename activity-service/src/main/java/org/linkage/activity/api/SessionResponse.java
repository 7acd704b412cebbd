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
        UUID id,
        UUID pairingId,
        SessionKind kind,
        Instant startsAt,
        Instant endsAt,
        UUID stationId,
        SessionStatus status,
        String scheduledBy,
        Instant checkedInAt,
        String checkedInBy,
        Instant checkedOutAt,
        String checkedOutBy,
        @Schema(description = "Credited to the volunteer: time present, at most the session's length")
        BigDecimal hours,
        LocalDate serviceDate,
        String cancelReason) {
}
