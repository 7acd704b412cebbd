package org.linkage.matching.repository;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import org.linkage.matching.domain.Assignment;
import org.linkage.matching.domain.AssignmentStatus;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
public class AssignmentRepository implements PanacheRepositoryBase<Assignment, UUID> {

    public List<Assignment> forNeed(UUID needId) {
        return list("need.id", Sort.by("rank"), needId);
    }

    public Optional<Assignment> find(UUID needId, UUID volunteerId) {
        return find("need.id = ?1 and volunteerId = ?2", needId, volunteerId).firstResultOptional();
    }

    /** Volunteers holding an accepted assignment that overlaps the window: they cannot take another. */
    public Set<UUID> volunteersCommittedDuring(Instant start, Instant end) {
        return Set.copyOf(getEntityManager().createQuery("select distinct a.volunteerId from Assignment a"
                        + " where a.status = :accepted and a.windowStart < :end and a.windowEnd > :start", UUID.class)
                .setParameter("accepted", AssignmentStatus.ACCEPTED)
                .setParameter("start", start)
                .setParameter("end", end)
                .getResultList());
    }

    /**
     * Locks one offer past its expiry, and its need, for the caller's transaction. Rows another transaction
     * holds (another replica's job, an answer in progress) are skipped rather than waited for, so replicas
     * share the work and none expires an offer twice.
     */
    public Optional<UUID> lockNextDueOffer(Instant now) {
        return getEntityManager().createNativeQuery("SELECT a.id FROM assignment a JOIN need n ON n.id = a.need_id"
                        + " WHERE a.status = 'OFFERED' AND a.expires_at <= ?1 ORDER BY a.expires_at LIMIT 1"
                        + " FOR UPDATE OF a, n SKIP LOCKED", UUID.class)
                .setParameter(1, now)
                .getResultStream().map(UUID.class::cast).findFirst();
    }

    /**
     * Moves the assignment on only if it is still in the status the caller read. Of concurrent answers (other
     * requests, other replicas) PostgreSQL lets exactly one match; the others see 0 rows.
     *
     * @return the number of rows changed: 1, or 0 when the status changed meanwhile
     */
    public int moveIfStill(UUID id, AssignmentStatus expected, AssignmentStatus target, Instant answeredAt,
                           String declineReason) {
        return update("status = :target, answeredAt = :answeredAt, declineReason = :reason"
                        + " where id = :id and status = :expected",
                Parameters.with("target", target).and("answeredAt", answeredAt).and("reason", declineReason)
                        .and("id", id).and("expected", expected));
    }

    public record Filter(UUID volunteerId, UUID needId, AssignmentStatus status) {
    }

    public List<Assignment> search(Filter filter, int page, int size) {
        return query(filter).page(Page.of(page, size)).list();
    }

    public long count(Filter filter) {
        return query(filter).count();
    }

    private PanacheQuery<Assignment> query(Filter filter) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        if (filter.volunteerId() != null) {
            where.append(" and volunteerId = :volunteerId");
            parameters.put("volunteerId", filter.volunteerId());
        }
        if (filter.needId() != null) {
            where.append(" and need.id = :needId");
            parameters.put("needId", filter.needId());
        }
        if (filter.status() != null) {
            where.append(" and status = :status");
            parameters.put("status", filter.status());
        }
        return find(where.toString(), Sort.descending("offeredAt").and("id"), parameters);
    }
}
