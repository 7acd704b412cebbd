package org.linkage.notification.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.linkage.chassis.signals.ReplicaSignals;
import org.linkage.notification.domain.Notification;
import org.linkage.notification.repository.NotificationRepository;

import java.util.Optional;
import java.util.UUID;

/**
 * Brings new inbox notifications to the streams open on the other replicas. The statement that inserts one NOTIFYs
 * {@value #CHANNEL} with "origin replica:notification id" ({@link #announcement()}); {@link ReplicaSignals} hears it
 * on every replica once that transaction commits. The origin already pushed in-process, so it skips its own; the
 * others read the notification by its id and push it to their streams.
 */
@ApplicationScoped
public class NotificationFanOut implements ReplicaSignals.Listener {

    static final String CHANNEL = "linkage_notification_created";

    private final String replica = UUID.randomUUID().toString();
    private final NotificationRepository notifications;
    private final LiveNotifications live;
    private final Optional<NotificationRepository.Announcement> announcement;

    NotificationFanOut(NotificationRepository notifications, LiveNotifications live) {
        this.notifications = notifications;
        this.live = live;
        this.announcement = Optional.of(new NotificationRepository.Announcement(CHANNEL, replica));
    }

    /** What the inserting statement NOTIFYs, so that other replicas hear of it if it commits. */
    Optional<NotificationRepository.Announcement> announcement() {
        return announcement;
    }

    @Override
    public String channel() {
        return CHANNEL;
    }

    /** A stream open here while the connection was down may have missed some; its phone resumes on reconnect. */
    @Override
    public void listening(boolean listening) {
    }

    @Override
    public void received(String payload) {
        String[] originAndId = payload.split(":", 2);
        if (originAndId[0].equals(replica)) {
            return;
        }
        UUID id = UUID.fromString(originAndId[1]);
        Notification notification = QuarkusTransaction.requiringNew().call(() -> notifications.findById(id));
        if (notification != null) {
            live.push(notification);
        }
    }
}
