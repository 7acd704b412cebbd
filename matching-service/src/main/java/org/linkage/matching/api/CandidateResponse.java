package org.linkage.matching.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A volunteer as matching sees them. The home location is left out: no endpoint reveals where volunteers live. */
@Schema(description = "A volunteer in matching's view, built from volunteer events")
public record CandidateResponse(
        @Schema(description = "The volunteer's id; matching knows no names, staff read the name from "
                + "volunteer-service (GET /api/v1/volunteers/{id})") UUID volunteerId,
        List<String> skills,
        @Schema(description = "Skill → level 1 (beginner) to 5 (expert), as far as the volunteer stated them; the other "
                + "skills count as level 1", examples = "{\"elder-care\": 3}") Map<String, Integer> skillLevels,
        @Schema(examples = "xinhua-road") String community,
        @Schema(examples = "[\"zh\", \"en\"]") List<String> languages,
        @Schema(description = "Whether matching knows a home location (with consent) to rank by distance")
        boolean located,
        boolean onDuty,
        boolean active,
        @Schema(description = "When the state matching holds was true at the volunteer-service") Instant stateAt) {
}
