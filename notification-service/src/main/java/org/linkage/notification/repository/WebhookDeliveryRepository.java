package org.linkage.notification.repository;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import org.linkage.chassis.web.PageRequest;
import org.linkage.notification.domain.DeliveryStatus;
import org.linkage.notification.domain.WebhookDelivery;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class WebhookDeliveryRepository implements PanacheRepositoryBase<WebhookDelivery, UUID> {

    /**
     * One PENDING delivery of the event per subscription of this integrator that wants its type, due now. A
     * subscription that already has a delivery of this event keeps it.
     *
     * @return how many deliveries were added
     */
    public int enqueue(String owner, UUID eventId, String eventType, String body, Instant now) {
        return getEntityManager().createNativeQuery("""
                        INSERT INTO webhook_delivery (id, subscription_id, event_id, event_type, body, status, attempts,
                                                      next_attempt_at, created_at)
                        SELECT gen_random_uuid(), s.id, :eventId, :eventType, :body, 'PENDING', 0, :now, :now
                        FROM webhook_subscription s
                        WHERE s.owner = :owner AND s.event_types @> jsonb_build_array(CAST(:eventType AS TEXT))
                        ON CONFLICT (subscription_id, event_id) DO NOTHING""")
                .setParameter("owner", owner)
                .setParameter("eventId", eventId)
                .setParameter("eventType", eventType)
                .setParameter("body", body)
                .setParameter("now", now)
                .executeUpdate();
    }

    /**
     * PENDING deliveries due by {@code now}, oldest first, locked until the transaction ends; rows another replica
     * holds are skipped, not waited for.
     */
    @SuppressWarnings("unchecked")
    public List<WebhookDelivery> lockDue(Instant now, int limit) {
        return getEntityManager().createNativeQuery("""
                        SELECT * FROM webhook_delivery
                         WHERE status = 'PENDING' AND next_attempt_at <= :now
                        ORDER BY next_attempt_at
                        LIMIT :limit
                        FOR UPDATE SKIP LOCKED""", WebhookDelivery.class)
                .setParameter("now", now)
                .setParameter("limit", limit)
                .getResultList();
    }

    /** A subscription's deliveries, newest first; status null means all. */
    public record Filter(UUID subscriptionId, DeliveryStatus status) {
    }

    public List<WebhookDelivery> search(Filter filter, int page, int size) {
        return query(filter).page(PageRequest.of(page, size)).list();
    }

    public long count(Filter filter) {
        return query(filter).count();
    }

    private PanacheQuery<WebhookDelivery> query(Filter filter) {
        Parameters parameters = Parameters.with("subscription", filter.subscriptionId());
        String where = "subscriptionId = :subscription";
        if (filter.status() != null) {
            where += " and status = :status";
            parameters.and("status", filter.status());
        }
        return find(where, Sort.descending("createdAt", "id"), parameters);
    }
}
