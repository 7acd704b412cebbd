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
        UUID id,
        @Schema(description = "matching-service's proposal this pairing came from") UUID proposalId,
        UUID beneficiaryId,
        UUID volunteerId,
        PairingStatus status,
        @Schema(examples = "one-to-one-tutoring") String category,
        @Schema(examples = "tutoring") String requiredSkill,
        @Schema(description = "matching's score for the pair", examples = "1.18") Double score,
        @Schema(description = "Why matching proposed this volunteer") List<String> reasons,
        String proposedBy,
        Instant proposedAt,
        String confirmedBy,
        Instant confirmedAt,
        @Schema(description = "Every consent given to this pairing, revoked ones included") List<Consent> consents,
        Instant acceptedAt,
        String activatedBy,
        Instant activatedAt,
        @Schema(description = "The active period's first day (district time)") LocalDate startsOn,
        @Schema(description = "The active period's last day (district time)") LocalDate endsOn,
        @Schema(description = "When the next periodic review is due") LocalDate nextReviewOn,
        String endedBy,
        Instant endedAt,
        String endReason,
        @Schema(description = "The pairing of the same beneficiary this one succeeded") UUID previousPairingId,
        @Schema(description = "The pairing that replaced this one") UUID succeededBy,
        long version) {

    @Schema(description = "A consent to the pairing; the name of who gave it is shown to staff only")
    public record Consent(
            UUID id,
            @Schema(examples = "王丽") String givenBy,
            ConsentRelation relation,
            ConsentMethod method,
            Instant givenAt,
            String recordedBy,
            Instant recordedAt,
            Instant revokedAt,
            String revokedBy,
            String revocationReason) {
    }
}
