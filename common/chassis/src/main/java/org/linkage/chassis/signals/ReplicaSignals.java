package org.linkage.chassis.signals;

import io.quarkus.arc.All;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What every replica must hear of at once: a transaction that changes something other replicas hold in memory (a
 * login's resolution, a new inbox notification for their open streams, a changed preference, a changed webhook
 * subscription) sends a PostgreSQL {@code NOTIFY} on its channel, which PostgreSQL delivers to each replica's
 * {@code LISTEN}ing connection when the transaction commits. One connection per replica listens on every
 * {@link Listener}'s channel.
 *
 * <p>A NOTIFY sent while no connection listens is lost, so each listener is told when listening begins (after
 * every reconnect) and when it stops: what it keeps in memory may have missed changes in between.
 */
@ApplicationScoped
public class ReplicaSignals {

    /** Hears one channel. */
    public interface Listener {

        String channel();

        /** Runs on the listening thread, in the order the transactions committed. */
        void received(String payload);

        /** True once LISTEN is in place, after a start or reconnect; false when the connection is lost. */
        void listening(boolean listening);
    }

    private static final Logger LOG = Logger.getLogger(ReplicaSignals.class);
    private static final int WAIT_MILLIS = 1_000;

    private final DataSource dataSource;
    private final EntityManager entityManager;
    private final Event<Sent> sent;
    private final Map<String, Listener> listeners;

    private volatile boolean running;
    private volatile boolean listening;
    private Thread thread;

    ReplicaSignals(DataSource dataSource, EntityManager entityManager, Event<Sent> sent,
                   @All List<Listener> listeners) {
        this.dataSource = dataSource;
        this.entityManager = entityManager;
        this.sent = sent;
        this.listeners = listeners.stream().collect(Collectors.toUnmodifiableMap(Listener::channel,
                Function.identity()));
    }

    /** A signal sent in the current transaction, heard here once it commits. */
    public record Sent(String channel, String payload) {
    }

    /**
     * Signals every replica if the current transaction commits. This replica's listener hears it at the commit
     * itself, so a request that changed something finds it changed here as soon as it returns; the echo from
     * PostgreSQL a moment later reaches it again.
     */
    public void tellAll(String channel, String payload) {
        if (!listeners.containsKey(channel)) {
            throw new IllegalArgumentException("nobody listens on " + channel);
        }
        entityManager.createNativeQuery("SELECT CAST(pg_notify(:channel, :payload) AS TEXT)")
                .setParameter("channel", channel)
                .setParameter("payload", payload)
                .getSingleResult();
        sent.fire(new Sent(channel, payload));
    }

    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) Sent signal) {
        listeners.get(signal.channel()).received(signal.payload());
    }

    /** Whether the connection listens now, so that this replica hears the others. */
    public boolean isListening() {
        return listening;
    }

    void start(@Observes StartupEvent event) {
        running = true;
        thread = new Thread(this::listen, "replica-signals");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (thread != null) {
            try {
                thread.join(2 * WAIT_MILLIS);
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
                    for (String channel : listeners.keySet()) {
                        statement.execute("LISTEN " + channel);
                    }
                }
                listeners.values().forEach(listener -> listener.listening(true));
                listening = true;
                PGConnection postgres = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] received = postgres.getNotifications(WAIT_MILLIS);
                    if (received != null) {
                        for (PGNotification signal : received) {
                            deliver(signal);
                        }
                    }
                }
                try (Statement statement = connection.createStatement()) {
                    statement.execute("UNLISTEN *"); // back to the pool, where nothing must pile up for it
                }
            } catch (Exception e) {
                if (running) {
                    LOG.warnf("Replica signals lost their connection, listening again: %s", e.toString());
                    sleep();
                }
            } finally {
                listening = false;
                listeners.values().forEach(listener -> listener.listening(false));
            }
        }
    }

    private void deliver(PGNotification signal) {
        Listener listener = listeners.get(signal.getName());
        if (listener == null) {
            return;
        }
        try {
            listener.received(signal.getParameter());
        } catch (RuntimeException e) {
            LOG.warnf("Could not act on %s signal %s: %s", signal.getName(), signal.getParameter(), e.toString());
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
