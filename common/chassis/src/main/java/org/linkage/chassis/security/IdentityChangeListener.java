package org.linkage.chassis.security;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Statement;

/**
 * Holds a session LISTENing on {@link IdentityProjection#CHANNEL} and empties this replica's cache of resolutions
 * whenever any replica changed the projection. The cache is trusted only while this session is open: when it is
 * lost, every request reads the database again until a new session listens.
 */
@ApplicationScoped
public class IdentityChangeListener {

    private static final Logger LOG = Logger.getLogger(IdentityChangeListener.class);
    private static final int WAIT_MILLIS = 1_000;

    private final DataSource dataSource;
    private final IdentityProjection projection;
    private volatile boolean running;
    private Thread worker;

    IdentityChangeListener(DataSource dataSource, IdentityProjection projection) {
        this.dataSource = dataSource;
        this.projection = projection;
    }

    void start(@Observes StartupEvent event) {
        running = true;
        worker = new Thread(this::run, "identity-changes");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (worker != null) {
            try {
                worker.join(2 * WAIT_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        int failures = 0;
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (Statement listen = connection.createStatement()) {
                    listen.execute("LISTEN " + IdentityProjection.CHANNEL);
                }
                try {
                    PGConnection notifications = connection.unwrap(PGConnection.class);
                    projection.listening(true);
                    failures = 0;
                    while (running) {
                        PGNotification[] received = notifications.getNotifications(WAIT_MILLIS);
                        if (received != null && received.length > 0) {
                            projection.invalidateAll();
                        }
                    }
                } finally {
                    projection.listening(false);
                    // Back to the pool, where nothing must pile up for it.
                    try (Statement unlisten = connection.createStatement()) {
                        unlisten.execute("UNLISTEN *");
                    }
                }
            } catch (Exception e) {
                if (!running) {
                    break;
                }
                failures++;
                LOG.warnf("Not listening for identity changes (%d in a row), every request reads the database: %s",
                        failures, e.toString());
                try {
                    Thread.sleep(Math.min(5_000, 200L * failures));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
