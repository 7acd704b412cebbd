package org.linkage.matching.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A volunteer as matching sees them. The home location is left out: no endpoint reveals where volunteers live. */
@Schema(description = "A volunteer in matching's view, built from volunteer events")
public record CandidateResponse(
        @Schema(required = true, description = "The volunteer's id; matching knows no names, staff read the name from "
                + "volunteer-service (GET /api/v1/volunteers/{id})") UUID volunteerId,
        @Schema(required = true) List<String> skills,
        @Schema(required = true,
                description = "Skill → level 1 (beginner) to 5 (expert), as far as the volunteer stated them; the "
                + "other skills count as level 1", examples = "{\"elder-care\": 3}") Map<String, Integer> skillLevels,
        @Schema(required = true, nullable = true, examples = "xinhua-road") String community,
        @Schema(required = true, examples = "[\"zh\", \"en\"]") List<String> languages,
        @Schema(required = true,
                description = "Whether matching knows a home location (with consent) to rank by distance")
        boolean located,
        @Schema(required = true) boolean onDuty,
        @Schema(required = true) boolean active,
        @Schema(required = true,
                description = "When the state matching holds was true at the volunteer-service") Instant stateAt) {
}
