package org.linkage.matching.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.linkage.chassis.web.Coordinates;

import java.time.Instant;
import java.util.UUID;

@Schema(description = "The one position matching holds for a responder: the latest, in memory, never a history")
public record LivePositionResponse(
        UUID volunteerId,
        Coordinates position,
        @Schema(examples = "12") int accuracyMetres,
        Instant recordedAt,
        @Schema(description = "After this the position is neither used nor kept") Instant countsUntil,
        @Schema(description = "A ping sent before this is refused (429)") Instant nextPingAfter) {
}
