package org.linkage.notification.repository;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import org.linkage.notification.domain.Notification;
import org.linkage.notification.domain.NotificationChannel;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class NotificationRepository implements PanacheRepositoryBase<Notification, UUID> {

    /** @param unread true: only unread, false: only read, null: all */
    public record Filter(String recipient, Boolean unread) {
    }

    public List<Notification> search(Filter filter, int page, int size) {
        return query(filter).page(Page.of(page, size)).list();
    }

    public long count(Filter filter) {
        return query(filter).count();
    }

    public Optional<Notification> findBySource(UUID sourceEventId, String recipient, NotificationChannel channel) {
        return find("sourceEventId = :source and recipient = :recipient and channel = :channel",
                Parameters.with("source", sourceEventId).and("recipient", recipient).and("channel", channel))
                .firstResultOptional();
    }

    private PanacheQuery<Notification> query(Filter filter) {
        StringBuilder where = new StringBuilder("recipient = :recipient");
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("recipient", filter.recipient());
        if (filter.unread() != null) {
            where.append(filter.unread() ? " and readAt is null" : " and readAt is not null");
        }
        return find(where.toString(), Sort.descending("createdAt", "id"), parameters);
    }
}
