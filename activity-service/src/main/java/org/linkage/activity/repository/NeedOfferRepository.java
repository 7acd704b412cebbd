package org.linkage.activity.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.linkage.activity.domain.NeedOffer;

import java.util.UUID;

@ApplicationScoped
public class NeedOfferRepository implements PanacheRepositoryBase<NeedOffer, UUID> {

    /**
     * Records the offer unless it is recorded already (the event delivered again): one statement, where looking it up
     * first took two round trips for every need offered.
     */
    public void recordOnce(UUID assignmentId, UUID needId, UUID volunteerId) {
        getEntityManager().createNativeQuery("INSERT INTO need_offer (assignment_id, need_id, volunteer_id)"
                        + " VALUES (?1, ?2, ?3) ON CONFLICT (assignment_id) DO NOTHING")
                .setParameter(1, assignmentId).setParameter(2, needId).setParameter(3, volunteerId)
                .executeUpdate();
    }

    public boolean holds(UUID needId, UUID volunteerId) {
        return count("needId = ?1 and volunteerId = ?2", needId, volunteerId) > 0;
    }
}
