package org.linkage.matching.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.linkage.chassis.outbox.Outbox;
import org.linkage.matching.domain.Need;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.linkage.chassis.outbox.Outbox.Insert.value;

@ApplicationScoped
public class NeedRepository implements PanacheRepositoryBase<Need, UUID> {

    private final JsonColumns json;

    NeedRepository(JsonColumns json) {
        this.json = json;
    }

    /**
     * The need's row, for {@link Outbox#publishAllWith}: a need just raised is stored in its offers' statement. Every
     * column of the table (NativeInsertsTest holds it so).
     */
    public Outbox.Insert insert(Need need) {
        return new Outbox.Insert("""
                INSERT INTO need (id, category, required_skill, latitude, longitude, window_start, window_end, urgency,
                                  volunteers_needed, requested_by, summary, raised_at, unmatched_at,
                                  search_radius_metres, widen_at, required_certifications, required_training,
                                  volunteer_groups, radius_metres, care_category, beneficiary_ref, deadline,
                                  estimated_hours, community, cancelled_at, escalate_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
                        CAST(? AS jsonb), CAST(? AS jsonb), CAST(? AS jsonb), ?, ?, ?, ?, ?, ?, ?, ?)""", List.of(
                value(need.id, UUID.class), value(need.category, String.class),
                value(need.requiredSkill, String.class), value(need.latitude, Double.class),
                value(need.longitude, Double.class), value(need.windowStart, Instant.class),
                value(need.windowEnd, Instant.class), value(need.urgency.name(), String.class),
                value(need.volunteersNeeded, Integer.class), value(need.requestedBy, String.class),
                value(need.summary, String.class), value(need.raisedAt, Instant.class),
                value(need.unmatchedAt, Instant.class), value(need.searchRadiusMetres, Integer.class),
                value(need.widenAt, Instant.class), value(json.text(need.requiredCertifications), String.class),
                value(json.text(need.requiredTraining), String.class),
                value(json.text(need.volunteerGroups), String.class),
                value(need.radiusMetres, Integer.class), value(need.careCategory, String.class),
                value(need.beneficiaryRef, UUID.class), value(need.deadline, Instant.class),
                value(need.estimatedHours, Double.class), value(need.community, String.class),
                value(need.cancelledAt, Instant.class), value(need.escalateAt, Instant.class)));
    }

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
