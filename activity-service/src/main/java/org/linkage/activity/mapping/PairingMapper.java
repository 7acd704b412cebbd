package org.linkage.activity.mapping;

import org.linkage.activity.api.PairingResponse;
import org.linkage.activity.api.ReviewResponse;
import org.linkage.activity.api.SessionResponse;
import org.linkage.activity.domain.Pairing;
import org.linkage.activity.domain.PairingConsent;
import org.linkage.activity.domain.PairingReview;
import org.linkage.activity.domain.PairingSession;

import java.util.List;

public final class PairingMapper {

    /** @param showGivenBy false for the volunteer: the guardian's name is the child's personal data */
    public static PairingResponse toResponse(Pairing pairing, List<PairingConsent> consents, boolean showGivenBy) {
        return new PairingResponse(pairing.id, pairing.proposalId, pairing.beneficiaryId, pairing.volunteerId,
                pairing.status, pairing.category, pairing.requiredSkill, pairing.score, List.copyOf(pairing.reasons),
                pairing.proposedBy, pairing.proposedAt, pairing.confirmedBy, pairing.confirmedAt,
                consents.stream().map(consent -> toResponse(consent, showGivenBy)).toList(), pairing.acceptedAt,
                pairing.activatedBy, pairing.activatedAt, pairing.startsOn, pairing.endsOn, pairing.nextReviewOn,
                pairing.endedBy, pairing.endedAt, pairing.endReason, pairing.previousPairingId, pairing.succeededBy,
                pairing.version);
    }

    private static PairingResponse.Consent toResponse(PairingConsent consent, boolean showGivenBy) {
        return new PairingResponse.Consent(consent.id, showGivenBy ? consent.givenBy : null, consent.relation,
                consent.method, consent.givenAt, consent.recordedBy, consent.recordedAt, consent.revokedAt,
                consent.revokedBy, consent.revocationReason);
    }

    public static ReviewResponse toResponse(PairingReview review) {
        return new ReviewResponse(review.id, review.pairingId, review.reviewedBy, review.reviewedAt, review.notes,
                review.nextReviewOn);
    }

    public static SessionResponse toResponse(PairingSession session) {
        return new SessionResponse(session.id, session.pairingId, session.kind, session.startsAt, session.endsAt,
                session.stationId, session.status, session.scheduledBy, session.checkedInAt, session.checkedInBy,
                session.checkedOutAt, session.checkedOutBy, session.hours, session.serviceDate,
                session.cancelReason);
    }

    private PairingMapper() {
    }
}
