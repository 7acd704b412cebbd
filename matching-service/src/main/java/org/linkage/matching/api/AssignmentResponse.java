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
        UUID id,
        UUID needId,
        UUID volunteerId,
        AssignmentStatus status,
        @Schema(examples = "home-visit") String category,
        Urgency urgency,
        @Schema(description = "When the help is needed") TimeWindow window,
        @Schema(description = "Where, coarsened to about a kilometre; the exact place is shown by activity-service "
                + "to the volunteer once they accepted") Coordinates area,
        @Schema(examples = "Weekly visit to an elderly resident living alone") String summary,
        @Schema(description = "1 for the first volunteer the need was offered to, counting up with every further offer",
                examples = "1") int rank,
        @Schema(description = "Straight line from where the volunteer was measured (for an emergency their live "
                + "position when it counted, else their home; the reasons say which) to the need; absent when "
                + "assigned by hand to a volunteer whose home matching does not know", examples = "850")
        Integer distanceMetres,
        @Schema(description = "Estimated minutes on foot (streets 1.3 times the straight line, 4.8 km/h)",
                examples = "14") Integer walkingMinutes,
        @Schema(description = "Estimated minutes riding an e-bike or scooter (1.3 times the straight line, "
                + "15 km/h)", examples = "5") Integer ridingMinutes,
        Instant offeredAt,
        @Schema(description = "Until when the volunteer may answer") Instant expiresAt,
        Instant answeredAt,
        @Schema(examples = "I am out of town that weekend") String declineReason,
        @Schema(description = "Why this volunteer was offered the need: the constraints met and the score's parts")
        OfferReasons reasons) {
}
