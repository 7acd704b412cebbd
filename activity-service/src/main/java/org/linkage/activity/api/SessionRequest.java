package org.linkage.activity.api;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.linkage.activity.domain.SessionKind;

import java.time.Instant;
import java.util.UUID;

@Schema(description = "A session of an active pairing, within its period")
public record SessionRequest(
        @NotNull @Schema(examples = "TUTORING") SessionKind kind,
        @NotNull @Schema(examples = "2026-12-08T09:00:00Z") Instant startsAt,
        @NotNull @Schema(examples = "2026-12-08T11:00:00Z") Instant endsAt,
        @Schema(description = "The station of a tutoring session") UUID stationId) {
}
