package org.linkage.notification.repository;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import org.linkage.chassis.web.PageRequest;
import org.linkage.notification.domain.WebhookSubscription;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class WebhookSubscriptionRepository implements PanacheRepositoryBase<WebhookSubscription, UUID> {

    /** Whether any subscription wants events of this type. */
    public boolean anyWants(String eventType) {
        return (Boolean) getEntityManager().createNativeQuery("""
                        SELECT EXISTS (SELECT 1 FROM webhook_subscription
                                       WHERE event_types @> jsonb_build_array(CAST(:eventType AS TEXT)))""",
                        Boolean.class)
                .setParameter("eventType", eventType)
                .getSingleResult();
    }

    /** An integrator's subscriptions (every integrator's when the owner is null), newest first. */
    public List<WebhookSubscription> ofOwner(String owner, int page, int size) {
        return query(owner).page(PageRequest.of(page, size)).list();
    }

    public long countOfOwner(String owner) {
        return query(owner).count();
    }

    /** Null owner: every integrator's. */
    private PanacheQuery<WebhookSubscription> query(String owner) {
        Sort newestFirst = Sort.descending("createdAt", "id");
        return owner == null ? findAll(newestFirst) : find("owner", newestFirst, owner);
    }
}
