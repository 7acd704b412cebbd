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

    /** A person's inbox: their in-app notifications. @param unread true: only unread, false: only read, null: all */
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

    /** The recipient's inbox notifications created after the given stream sequence, oldest first. */
    public List<Notification> inboxAfter(String recipient, long sequence, int limit) {
        return find("recipient = ?1 and channel = ?2 and sequence > ?3", Sort.ascending("sequence"),
                recipient, NotificationChannel.IN_APP, sequence).page(Page.ofSize(limit)).list();
    }

    private PanacheQuery<Notification> query(Filter filter) {
        StringBuilder where = new StringBuilder("recipient = :recipient and channel = :channel");
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("recipient", filter.recipient());
        parameters.put("channel", NotificationChannel.IN_APP);
        if (filter.unread() != null) {
            where.append(filter.unread() ? " and readAt is null" : " and readAt is not null");
        }
        return find(where.toString(), Sort.descending("createdAt", "id"), parameters);
    }
}
