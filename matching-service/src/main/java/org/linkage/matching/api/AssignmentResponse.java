package org.linkage.matching.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.linkage.chassis.web.Coordinates;
import org.linkage.events.TimeWindow;
import org.linkage.events.need.Urgency;
import org.linkage.matching.domain.AssignmentStatus;
import org.linkage.matching.domain.OfferReasons;

import java.time.Instant;
import java.util.UUID;

@Schema(description = "A need offered to a volunteer, and their answer")
public record AssignmentResponse(
        @Schema(required = true) UUID id,
        @Schema(required = true) UUID needId,
        @Schema(required = true) UUID volunteerId,
        @Schema(required = true) AssignmentStatus status,
        @Schema(required = true, examples = "home-visit") String category,
        @Schema(required = true) Urgency urgency,
        @Schema(required = true, description = "When the help is needed") TimeWindow window,
        @Schema(required = true,
                description = "Where, coarsened to about a kilometre; the exact place is shown by activity-service "
                + "to the volunteer once they accepted") Coordinates area,
        @Schema(required = true, nullable = true, examples = "Weekly visit to an elderly resident living alone")
        String summary,
        @Schema(required = true,
                description = "1 for the first volunteer the need was offered to, counting up with every further offer",
                examples = "1") int rank,
        @Schema(required = true, nullable = true,
                description = "Straight line from where the volunteer was measured (for an emergency their live "
                + "position when it counted, else their home; the reasons say which) to the need; absent when "
                + "assigned by hand to a volunteer whose home matching does not know", examples = "850")
        Integer distanceMetres,
        @Schema(required = true, nullable = true,
                description = "Estimated minutes on foot (streets 1.3 times the straight line, 4.8 km/h)",
                examples = "14") Integer walkingMinutes,
        @Schema(required = true, nullable = true,
                description = "Estimated minutes riding an e-bike or scooter (1.3 times the straight line, "
                + "15 km/h)", examples = "5") Integer ridingMinutes,
        @Schema(required = true) Instant offeredAt,
        @Schema(required = true, nullable = true, description = "Until when the volunteer may answer")
        Instant expiresAt,
        @Schema(required = true, nullable = true) Instant answeredAt,
        @Schema(required = true, nullable = true, examples = "I am out of town that weekend") String declineReason,
        // No description here: beside the nullable $ref it would make the property an object that null fails.
        @Schema(required = true, nullable = true) OfferReasons reasons) {
}
