package org.linkage.activity.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import org.linkage.activity.domain.PairingReview;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class PairingReviewRepository implements PanacheRepositoryBase<PairingReview, UUID> {

    /** Newest first. */
    public List<PairingReview> of(UUID pairingId) {
        return list("pairingId", Sort.descending("reviewedAt").and("id"), pairingId);
    }
}
