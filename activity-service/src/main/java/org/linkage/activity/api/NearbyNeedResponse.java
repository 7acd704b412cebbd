package org.linkage.activity.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.linkage.activity.domain.FocusGroup;
import org.linkage.chassis.web.Coordinates;
import org.linkage.events.TimeWindow;
import org.linkage.events.need.Urgency;

import java.util.UUID;

@Schema(description = "An open need near the volunteer, as a summary: never the person, never their exact home")
public record NearbyNeedResponse(
        @Schema(required = true) UUID id,
        @Schema(required = true, examples = "home-visit") String category,
        @Schema(required = true, examples = "elder-care") String requiredSkill,
        @Schema(required = true, description = "When the help is needed") TimeWindow window,
        @Schema(required = true) Urgency urgency,
        @Schema(required = true, examples = "1") int volunteersNeeded,
        @Schema(required = true, nullable = true,
                description = "Who the need is for, as a group only") FocusGroup careCategory,
        @Schema(required = true, nullable = true,
                examples = "Weekly visit to an elderly resident living alone") String summary,
        @Schema(required = true, description = "About where, coarsened to about a kilometre") Coordinates area,
        @Schema(required = true,
                description = "From the search's centre to the coarsened place, rounded to 100 m", examples = "1200")
        long distanceMetres) {
}
