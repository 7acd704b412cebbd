package org.linkage.notification.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import org.linkage.notification.domain.WebhookAttempt;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class WebhookAttemptRepository implements PanacheRepositoryBase<WebhookAttempt, UUID> {

    /** The attempts of these deliveries, oldest first. */
    public List<WebhookAttempt> ofDeliveries(Collection<UUID> deliveryIds) {
        if (deliveryIds.isEmpty()) {
            return List.of();
        }
        return list("deliveryId in ?1", Sort.ascending("attemptedAt", "id"), deliveryIds);
    }
}
