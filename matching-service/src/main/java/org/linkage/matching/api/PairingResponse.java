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
        @Schema(required = true) UUID id,
        @Schema(required = true) Pairing.Status status,
        @Schema(required = true, examples = "one-to-one-tutoring") String category,
        @Schema(required = true) TimeWindow firstSession,
        @Schema(required = true,
                description = "The sum of the pairs' scores, the largest any pairing of this group and pool reaches",
                examples = "2.37") double totalScore,
        @Schema(required = true) List<Pair> pairs,
        @Schema(required = true) Instant createdAt,
        @Schema(required = true, nullable = true) Instant approvedAt) {

    @Schema(description = "A beneficiary and the volunteer proposed; no volunteer when nobody of the pool fits")
    public record Pair(
            @Schema(required = true) UUID beneficiaryRef,
            @Schema(required = true, nullable = true, examples = "tutoring") String requiredSkill,
            @Schema(required = true, nullable = true) UUID volunteerId,
            @Schema(required = true, nullable = true, examples = "1.18") Double score,
            @Schema(required = true, nullable = true) OfferReasons reasons,
            @Schema(required = true, nullable = true,
                    description = "The offer sent on approval by older versions; none since pairings are followed "
                    + "in activity-service") UUID assignmentId,
            @Schema(required = true, nullable = true,
                    description = "The one-to-one pairing proposed to activity-service on approval: its lifecycle "
                    + "(confirmation, consent, acceptance, sessions) is at /api/v1/one-to-one-pairings/{pairId}")
            UUID pairId) {
    }
}
