package org.linkage.activity.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.linkage.activity.domain.ConsentMethod;
import org.linkage.activity.domain.ConsentRelation;
import org.linkage.activity.domain.PairingStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Schema(description = "A one-to-one pairing of a beneficiary with a volunteer, and where it stands")
public record PairingResponse(
        @Schema(required = true) UUID id,
        @Schema(required = true, nullable = true,
                description = "matching-service's proposal this pairing came from") UUID proposalId,
        @Schema(required = true) UUID beneficiaryId,
        @Schema(required = true) UUID volunteerId,
        @Schema(required = true) PairingStatus status,
        @Schema(required = true, examples = "one-to-one-tutoring") String category,
        @Schema(required = true, nullable = true, examples = "tutoring") String requiredSkill,
        @Schema(required = true, nullable = true,
                description = "matching's score for the pair", examples = "1.18") Double score,
        @Schema(required = true, description = "Why matching proposed this volunteer") List<String> reasons,
        @Schema(required = true) String proposedBy,
        @Schema(required = true) Instant proposedAt,
        @Schema(required = true, nullable = true) String confirmedBy,
        @Schema(required = true, nullable = true) Instant confirmedAt,
        @Schema(required = true,
                description = "Every consent given to this pairing, revoked ones included") List<Consent> consents,
        @Schema(required = true, nullable = true) Instant acceptedAt,
        @Schema(required = true, nullable = true) String activatedBy,
        @Schema(required = true, nullable = true) Instant activatedAt,
        @Schema(required = true, nullable = true,
                description = "The active period's first day (district time)") LocalDate startsOn,
        @Schema(required = true, nullable = true,
                description = "The active period's last day (district time)") LocalDate endsOn,
        @Schema(required = true, nullable = true,
                description = "When the next periodic review is due") LocalDate nextReviewOn,
        @Schema(required = true, nullable = true) String endedBy,
        @Schema(required = true, nullable = true) Instant endedAt,
        @Schema(required = true, nullable = true) String endReason,
        @Schema(required = true, nullable = true,
                description = "The pairing of the same beneficiary this one succeeded") UUID previousPairingId,
        @Schema(required = true, nullable = true, description = "The pairing that replaced this one") UUID succeededBy,
        @Schema(required = true) long version) {

    @Schema(description = "A consent to the pairing; the name of who gave it is shown to staff only")
    public record Consent(
            @Schema(required = true) UUID id,
            @Schema(required = true, nullable = true, examples = "王丽") String givenBy,
            @Schema(required = true) ConsentRelation relation,
            @Schema(required = true) ConsentMethod method,
            @Schema(required = true) Instant givenAt,
            @Schema(required = true) String recordedBy,
            @Schema(required = true) Instant recordedAt,
            @Schema(required = true, nullable = true) Instant revokedAt,
            @Schema(required = true, nullable = true) String revokedBy,
            @Schema(required = true, nullable = true) String revocationReason) {
    }
}
