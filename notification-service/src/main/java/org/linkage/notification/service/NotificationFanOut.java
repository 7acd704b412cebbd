package org.linkage.notification.service;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.linkage.notification.domain.Notification;
import org.linkage.notification.repository.NotificationRepository;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.sql.Connection;
import java.sql.Statement;
import java.util.Optional;
import java.util.UUID;

/**
 * Brings new inbox notifications to the streams open on the other replicas. The statement that inserts one NOTIFYs
 * {@value #CHANNEL} with "origin replica:notification id" ({@link #announcement()}); PostgreSQL delivers it to every
 * replica's LISTENing connection when that transaction commits. The origin already pushed in-process, so it skips
 * its own; the others read the notification by its id and push it to their streams.
 */
@ApplicationScoped
public class NotificationFanOut {

    static final String CHANNEL = "linkage_notification_created";

    private static final Logger LOG = Logger.getLogger(NotificationFanOut.class);
    private static final int WAIT_MILLIS = 1_000;

    private final String replica = UUID.randomUUID().toString();
    private final AgroalDataSource dataSource;
    private final NotificationRepository notifications;
    private final LiveNotifications live;
    private final boolean enabled;
    private final Optional<NotificationRepository.Announcement> announcement;

    private volatile boolean running;
    private Thread listener;

    NotificationFanOut(AgroalDataSource dataSource, NotificationRepository notifications, LiveNotifications live,
                       @ConfigProperty(name = "linkage.stream.fan-out-enabled") boolean enabled) {
        this.dataSource = dataSource;
        this.notifications = notifications;
        this.live = live;
        this.enabled = enabled;
        this.announcement = enabled ? Optional.of(new NotificationRepository.Announcement(CHANNEL, replica))
                : Optional.empty();
    }

    /** What the inserting statement NOTIFYs, so that other replicas hear of it if it commits; empty when off. */
    Optional<NotificationRepository.Announcement> announcement() {
        return announcement;
    }

    void start(@Observes StartupEvent event) {
        if (!enabled) {
            return;
        }
        running = true;
        listener = new Thread(this::listen, "notification-fan-out");
        listener.setDaemon(true);
        listener.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (listener != null) {
            try {
                listener.join(2 * WAIT_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void listen() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                PGConnection postgres = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] received = postgres.getNotifications(WAIT_MILLIS);
                    if (received != null) {
                        for (PGNotification notification : received) {
                            pushFromElsewhere(notification.getParameter());
                        }
                    }
                }
            } catch (Exception e) {
                if (running) {
                    LOG.warnf("Notification fan-out lost its connection, listening again: %s", e.toString());
                    sleep();
                }
            }
        }
    }

    private void pushFromElsewhere(String payload) {
        String[] originAndId = payload.split(":", 2);
        if (originAndId[0].equals(replica)) {
            return;
        }
        try {
            UUID id = UUID.fromString(originAndId[1]);
            Notification notification = QuarkusTransaction.requiringNew().call(() -> notifications.findById(id));
            if (notification != null) {
                live.push(notification);
            }
        } catch (RuntimeException e) {
            LOG.warnf("Could not push notification announced as %s: %s", payload, e.toString());
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
