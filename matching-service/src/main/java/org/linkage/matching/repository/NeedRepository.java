package org.linkage.matching.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.linkage.matching.domain.Need;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class NeedRepository implements PanacheRepositoryBase<Need, UUID> {

    /** Locks one emergency whose widening is due; like the offer expiry, replicas skip what another holds. */
    public Optional<UUID> lockNextDueWidening(Instant now) {
        return getEntityManager().createNativeQuery("SELECT id FROM need WHERE widen_at <= ?1 ORDER BY widen_at"
                        + " LIMIT 1 FOR UPDATE SKIP LOCKED", UUID.class)
                .setParameter(1, now)
                .getResultStream().map(UUID.class::cast).findFirst();
    }

    /** Locks one need whose deadline is near; replicas skip what another holds. */
    public Optional<UUID> lockNextDueEscalation(Instant now) {
        return getEntityManager().createNativeQuery("SELECT id FROM need WHERE escalate_at <= ?1"
                        + " ORDER BY escalate_at LIMIT 1 FOR UPDATE SKIP LOCKED", UUID.class)
                .setParameter(1, now)
                .getResultStream().map(UUID.class::cast).findFirst();
    }
}
