package org.linkage.matching.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.linkage.chassis.web.Coordinates;

import java.time.Instant;
import java.util.UUID;

@Schema(description = "The one position matching holds for a responder: the latest, in memory, never a history")
public record LivePositionResponse(
        @Schema(required = true) UUID volunteerId,
        @Schema(required = true) Coordinates position,
        @Schema(required = true, examples = "12") int accuracyMetres,
        @Schema(required = true) Instant recordedAt,
        @Schema(required = true, description = "After this the position is neither used nor kept") Instant countsUntil,
        @Schema(required = true, description = "A ping sent before this is refused (429)") Instant nextPingAfter) {
}
