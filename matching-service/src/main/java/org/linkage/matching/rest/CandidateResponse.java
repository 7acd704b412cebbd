package org.linkage.matching.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A volunteer as matching sees them. The home location is left out: no endpoint reveals where volunteers live. */
@Schema(description = "A volunteer in matching's view, built from volunteer events")
public record CandidateResponse(
        UUID volunteerId,
        @Schema(examples = "王芳") String displayName,
        List<String> skills,
        @Schema(description = "Whether matching knows a home location (with consent) to rank by distance")
        boolean located,
        boolean onDuty,
        boolean active,
        @Schema(description = "When the state matching holds was true at the volunteer-service") Instant stateAt) {
}
