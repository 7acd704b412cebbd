package org.linkage.matching.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.linkage.events.TimeWindow;
import org.linkage.matching.domain.OfferReasons;
import org.linkage.matching.domain.Pairing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(description = "The proposed pairs with the largest total score, and why each volunteer was chosen")
public record PairingResponse(
        UUID id,
        Pairing.Status status,
        @Schema(examples = "one-to-one-tutoring") String category,
        TimeWindow firstSession,
        @Schema(description = "The sum of the pairs' scores, the largest any pairing of this group and pool reaches",
                examples = "2.37") double totalScore,
        List<Pair> pairs,
        Instant createdAt,
        Instant approvedAt) {

    @Schema(description = "A beneficiary and the volunteer proposed; no volunteer when nobody of the pool fits")
    public record Pair(
            UUID beneficiaryRef,
            @Schema(examples = "tutoring") String requiredSkill,
            UUID volunteerId,
            @Schema(examples = "1.18") Double score,
            OfferReasons reasons,
            @Schema(description = "The offer sent on approval by older versions; none since pairings are followed "
                    + "in activity-service") UUID assignmentId,
            @Schema(description = "The one-to-one pairing proposed to activity-service on approval: its lifecycle "
                    + "(confirmation, consent, acceptance, sessions) is at /api/v1/one-to-one-pairings/{pairId}")
            UUID pairId) {
    }
}
