package org.linkage.activity.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import org.linkage.activity.domain.Pairing;
import org.linkage.activity.domain.PairingStatus;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class PairingRepository implements PanacheRepositoryBase<Pairing, UUID> {

    /** Active or paused pairings of the volunteer: both count against their limit. */
    public long countActiveOf(UUID volunteerId) {
        return count("volunteerId = ?1 and status in ?2", volunteerId, PairingStatus.UNDER_WAY);
    }

    public Optional<Pairing> activeOfBeneficiary(UUID beneficiaryId) {
        return find("beneficiaryId = ?1 and status in ?2", beneficiaryId, PairingStatus.UNDER_WAY)
                .firstResultOptional();
    }

    public List<Pairing> ofVolunteerIn(UUID volunteerId, PairingStatus status) {
        return list("volunteerId = ?1 and status = ?2", volunteerId, status);
    }

    /** A beneficiary's pairings, newest first: the continuity history. */
    public List<Pairing> ofBeneficiary(UUID beneficiaryId) {
        return list("beneficiaryId", Sort.descending("proposedAt").and("id"), beneficiaryId);
    }

    /** A volunteer's pairings, newest first, not yet ended unless asked. */
    public List<Pairing> ofVolunteer(UUID volunteerId, boolean withEnded) {
        return withEnded ? list("volunteerId", Sort.descending("proposedAt").and("id"), volunteerId)
                : list("volunteerId = ?1 and status <> ?2", Sort.descending("proposedAt").and("id"), volunteerId,
                PairingStatus.ENDED);
    }

    /**
     * Active or paused pairings whose review falls due by the given day and whose reminder for that due date has not
     * gone out, locked so that replicas share the work.
     */
    @SuppressWarnings("unchecked")
    public List<Pairing> lockReviewsDue(LocalDate by, int limit) {
        return getEntityManager().createNativeQuery("""
                        SELECT * FROM pairing WHERE status IN ('ACTIVE', 'PAUSED') AND next_review_on <= :by
                        AND review_reminded_for IS DISTINCT FROM next_review_on
                        ORDER BY next_review_on, id LIMIT :limit FOR UPDATE SKIP LOCKED""", Pairing.class)
                .setParameter("by", by)
                .setParameter("limit", limit)
                .getResultList();
    }

    /** Serialises the activations of one volunteer's pairings, so that two cannot both pass the limit. */
    public void lockVolunteer(UUID volunteerId) {
        getEntityManager().createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .setParameter("key", "pairing-volunteer:" + volunteerId).getSingleResult();
    }
}
