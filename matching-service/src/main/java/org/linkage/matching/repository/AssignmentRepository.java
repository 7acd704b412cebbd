package org.linkage.matching.repository;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;
import org.linkage.chassis.outbox.Outbox;
import org.linkage.chassis.web.PageRequest;
import org.linkage.matching.domain.Assignment;
import org.linkage.matching.domain.AssignmentStatus;
import org.linkage.matching.domain.VolunteerFacts;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.linkage.chassis.outbox.Outbox.Insert.value;

@ApplicationScoped
public class AssignmentRepository implements PanacheRepositoryBase<Assignment, UUID> {

    private final JsonColumns json;

    AssignmentRepository(JsonColumns json) {
        this.json = json;
    }

    /**
     * The offers' rows in one statement, for {@link Outbox#publishAllWith}: a need just raised and its offers are
     * stored with their events. Every column of the table (NativeInsertsTest holds it so).
     */
    public Outbox.Insert insert(List<Assignment> offers) {
        StringBuilder sql = new StringBuilder("""
                INSERT INTO assignment (id, need_id, volunteer_id, status, rank, distance_metres, window_start,
                                        window_end, offered_at, expires_at, answered_at, decline_reason, hours, score,
                                        reasons)
                VALUES\s""");
        List<Outbox.Insert.Value<?>> values = new ArrayList<>();
        for (Assignment offer : offers) {
            sql.append(values.isEmpty() ? "" : ", ")
                    .append("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb))");
            values.addAll(List.of(value(offer.id, UUID.class), value(offer.need.id, UUID.class),
                    value(offer.volunteerId, UUID.class), value(offer.status.name(), String.class),
                    value(offer.rank, Integer.class), value(offer.distanceMetres, Integer.class),
                    value(offer.windowStart, Instant.class), value(offer.windowEnd, Instant.class),
                    value(offer.offeredAt, Instant.class), value(offer.expiresAt, Instant.class),
                    value(offer.answeredAt, Instant.class), value(offer.declineReason, String.class),
                    value(offer.hours, Double.class), value(offer.score, Double.class),
                    value(json.text(offer.reasons), String.class)));
        }
        return new Outbox.Insert(sql.toString(), values);
    }

    public List<Assignment> forNeed(UUID needId) {
        return list("need.id", Sort.by("rank"), needId);
    }

    public Optional<Assignment> find(UUID needId, UUID volunteerId) {
        return find("need.id = ?1 and volunteerId = ?2", needId, volunteerId).firstResultOptional();
    }

    /**
     * What the volunteers' assignments say about them, in one query (one round trip) for the whole batch: a row of
     * counts per volunteer with assignments, and a row per commitment around the need. An emergency asks this on its
     * critical path, once for the live positions and once for the homes.
     *
     * @param around the need's window; commitments within a week of it are read, for overlaps and the hours cap
     */
    public Map<UUID, VolunteerFacts> facts(Collection<UUID> volunteerIds, Instant now, Instant aroundStart,
                                           Instant aroundEnd) {
        return read(null, volunteerIds, now, aroundStart, aroundEnd).facts();
    }

    /** The volunteers' facts, and whether a need is stored already. */
    public record FactsRead(Map<UUID, VolunteerFacts> facts, boolean needStored) {
    }

    /**
     * As {@link #facts}, and in the same round trip whether need {@code needId} is stored already: a need just
     * raised is ranked before it is stored, and asks this rather than looking itself up first.
     */
    public FactsRead factsAndWhetherStored(UUID needId, Collection<UUID> volunteerIds, Instant now,
                                           Instant aroundStart, Instant aroundEnd) {
        return read(needId, volunteerIds, now, aroundStart, aroundEnd);
    }

    @SuppressWarnings("unchecked")
    private FactsRead read(UUID needId, Collection<UUID> volunteerIds, Instant now, Instant aroundStart,
                           Instant aroundEnd) {
        // The need's row, if asked for and stored, is the one with neither counts nor hours.
        Query query = getEntityManager().createNativeQuery("""
                        SELECT volunteer_id, count(*) FILTER (WHERE offered_at > :weekAgo),
                               count(*) FILTER (WHERE status IN ('ACCEPTED', 'RELEASED')),
                               count(*) FILTER (WHERE status IN ('DECLINED', 'EXPIRED')),
                               CAST(NULL AS TIMESTAMPTZ), CAST(NULL AS TIMESTAMPTZ), CAST(NULL AS DOUBLE PRECISION)
                          FROM assignment WHERE volunteer_id IN (:ids) GROUP BY volunteer_id
                        UNION ALL
                        SELECT volunteer_id, NULL, NULL, NULL, window_start, window_end, hours
                          FROM assignment WHERE status = 'ACCEPTED' AND volunteer_id IN (:ids)
                           AND window_end > :from AND window_start < :to"""
                        + (needId == null ? "" : """

                        UNION ALL
                        SELECT id, NULL, NULL, NULL, NULL, NULL, NULL FROM need WHERE id = :needId"""))
                .setParameter("ids", volunteerIds)
                .setParameter("weekAgo", now.minus(7, ChronoUnit.DAYS))
                .setParameter("from", aroundStart.minus(8, ChronoUnit.DAYS))
                .setParameter("to", aroundEnd.plus(8, ChronoUnit.DAYS));
        if (needId != null) {
            query.setParameter("needId", needId);
        }
        List<Object[]> rows = query.getResultList();
        Map<UUID, List<VolunteerFacts.Commitment>> commitments = new HashMap<>();
        List<Object[]> counts = new ArrayList<>();
        boolean needStored = false;
        for (Object[] row : rows) {
            if (row[1] != null) {
                counts.add(row);
            } else if (row[6] != null) {
                commitments.computeIfAbsent((UUID) row[0], id -> new ArrayList<>()).add(new VolunteerFacts.Commitment(
                        instant(row[4]), instant(row[5]), ((Number) row[6]).doubleValue()));
            } else {
                needStored = true;
            }
        }
        Map<UUID, VolunteerFacts> facts = new HashMap<>();
        for (Object[] row : counts) {
            UUID id = (UUID) row[0];
            facts.put(id, new VolunteerFacts(((Number) row[1]).intValue(), ((Number) row[2]).intValue(),
                    ((Number) row[3]).intValue(), commitments.getOrDefault(id, List.of())));
        }
        return new FactsRead(facts, needStored);
    }

    /** Volunteers who accepted a need for the beneficiary before: continuity puts them first. */
    public Set<UUID> servedBefore(UUID beneficiaryRef) {
        if (beneficiaryRef == null) {
            return Set.of();
        }
        return Set.copyOf(getEntityManager().createQuery("select distinct a.volunteerId from Assignment a"
                        + " where a.status = :accepted and a.need.beneficiaryRef = :beneficiary", UUID.class)
                .setParameter("accepted", AssignmentStatus.ACCEPTED)
                .setParameter("beneficiary", beneficiaryRef)
                .getResultList());
    }

    private static Instant instant(Object value) {
        return value instanceof Instant instant ? instant
                : value instanceof OffsetDateTime offset ? offset.toInstant() : ((Timestamp) value).toInstant();
    }

    /**
     * Locks one open assignment (an offer, or a volunteer's own offer) past its expiry, and its need, for the caller's
     * transaction. Rows another transaction
     * holds (another replica's job, an answer in progress) are skipped rather than waited for, so replicas
     * share the work and none expires an offer twice.
     */
    public Optional<UUID> lockNextDueOffer(Instant now) {
        return getEntityManager().createNativeQuery("SELECT a.id FROM assignment a JOIN need n ON n.id = a.need_id"
                        + " WHERE a.status IN ('OFFERED', 'PROPOSED_BY_VOLUNTEER') AND a.expires_at <= ?1"
                        + " ORDER BY a.expires_at LIMIT 1"
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

    /** @param community only assignments of the community's needs; null for all */
    public record Filter(UUID volunteerId, UUID needId, AssignmentStatus status, String community) {
    }

    public List<Assignment> search(Filter filter, int page, int size) {
        return query(filter).page(PageRequest.of(page, size)).list();
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
        if (filter.community() != null) {
            where.append(" and need.community = :community");
            parameters.put("community", filter.community());
        }
        return find(where.toString(), Sort.descending("offeredAt").and("id"), parameters);
    }
}
