package org.linkage.notification.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.linkage.chassis.web.Page;
import org.linkage.notification.domain.Notification;
import org.linkage.notification.domain.NotificationChannel;
import org.linkage.notification.repository.NotificationRepository;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class NotificationService {

    private final NotificationRepository notifications;

    NotificationService(NotificationRepository notifications) {
        this.notifications = notifications;
    }

    /**
     * Puts the draft in its recipient's inbox, once per source event. The consumer's processed-event record
     * already absorbs redeliveries; looking for an earlier row keeps this safe on its own too, e.g. when an
     * event is replayed after that record was pruned, instead of failing on the unique constraint.
     */
    @Transactional
    public Notification deliverInApp(NotificationDraft draft, UUID sourceEventId) {
        return notifications.findBySource(sourceEventId, draft.recipient(), NotificationChannel.IN_APP)
                .orElseGet(() -> {
                    Notification notification = new Notification();
                    notification.id = UUID.randomUUID();
                    notification.sourceEventId = sourceEventId;
                    notification.recipient = draft.recipient();
                    notification.channel = NotificationChannel.IN_APP;
                    notification.kind = draft.kind();
                    notification.title = draft.title();
                    notification.body = draft.body();
                    notification.data = draft.data();
                    notification.createdAt = now();
                    notifications.persist(notification);
                    return notification;
                });
    }

    public Optional<Notification> find(UUID id) {
        return notifications.findByIdOptional(id);
    }

    public Page<Notification> list(NotificationRepository.Filter filter, int page, int size) {
        return Page.of(notifications.search(filter, page, size), page, size, notifications.count(filter));
    }

    public long unreadCount(String recipient) {
        return notifications.count(new NotificationRepository.Filter(recipient, true));
    }

    /** Marks it read the first time; later calls keep the first reading time. */
    @Transactional
    public Optional<Notification> markRead(UUID id) {
        return notifications.findByIdOptional(id).map(notification -> {
            if (!notification.isRead()) {
                notification.readAt = now();
            }
            return notification;
        });
    }

    /** PostgreSQL keeps microseconds: truncating makes what a write returns equal what later reads return. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
