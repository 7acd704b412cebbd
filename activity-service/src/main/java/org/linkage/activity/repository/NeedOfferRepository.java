package org.linkage.activity.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.linkage.activity.domain.NeedOffer;

import java.util.UUID;

@ApplicationScoped
public class NeedOfferRepository implements PanacheRepositoryBase<NeedOffer, UUID> {

    public boolean holds(UUID needId, UUID volunteerId) {
        return count("needId = ?1 and volunteerId = ?2", needId, volunteerId) > 0;
    }
}
