package org.linkage.activity.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.linkage.activity.domain.NeedSeries;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class NeedSeriesRepository implements PanacheRepositoryBase<NeedSeries, UUID> {

    /** SKIP LOCKED: replicas running the job at the same time each take different series, none twice. */
    @SuppressWarnings("unchecked")
    public List<NeedSeries> lockDue(Instant now, int limit) {
        return getEntityManager().createNativeQuery("""
                        SELECT * FROM need_series WHERE next_due_at <= :now
                        ORDER BY next_due_at, id LIMIT :limit FOR UPDATE SKIP LOCKED""", NeedSeries.class)
                .setParameter("now", now)
                .setParameter("limit", limit)
                .getResultList();
    }
}
