package org.linkage.matching.repository;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The PostgreSQL channel over which matching replicas tell each other about live positions: NOTIFY delivers a
 * payload to every session LISTENing at that moment and keeps nothing (not in a table, not in the WAL); a
 * replica that is not listening simply misses it.
 */
@ApplicationScoped
public class LivePositionChannel {

    static final String CHANNEL = "linkage_live_positions";

    private final AgroalDataSource dataSource;

    LivePositionChannel(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Sends payloads on a connection of the pool (for the rare message that must go at once). */
    public void send(Collection<String> payloads) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            send(connection, payloads);
        }
    }

    /** A session of its own, listening from the moment it opens until it is closed. */
    public Session listen() throws SQLException {
        Connection connection = dataSource.getConnection();
        try {
            connection.setAutoCommit(true);
            try (Statement listen = connection.createStatement()) {
                listen.execute("LISTEN " + CHANNEL);
            }
            int ownPid;
            try (Statement statement = connection.createStatement();
                 ResultSet result = statement.executeQuery("SELECT pg_backend_pid()")) {
                result.next();
                ownPid = result.getInt(1);
            }
            return new Session(connection, ownPid);
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    private static void send(Connection connection, Collection<String> payloads) throws SQLException {
        try (PreparedStatement notify = connection.prepareStatement("SELECT pg_notify(?, ?)")) {
            for (String payload : payloads) {
                notify.setString(1, CHANNEL);
                notify.setString(2, payload);
                notify.executeQuery().close();
            }
        }
    }

    public static final class Session implements AutoCloseable {
        private final Connection connection;
        private final PGConnection notifications;
        private final int ownPid;

        private Session(Connection connection, int ownPid) throws SQLException {
            this.connection = connection;
            this.notifications = connection.unwrap(PGConnection.class);
            this.ownPid = ownPid;
        }

        public void send(Collection<String> payloads) throws SQLException {
            LivePositionChannel.send(connection, payloads);
        }

        /** What other sessions sent, waiting up to {@code timeoutMillis} (at least 1) for the first. */
        public List<String> receive(int timeoutMillis) throws SQLException {
            List<String> payloads = new ArrayList<>();
            PGNotification[] received = notifications.getNotifications(Math.max(1, timeoutMillis));
            if (received != null) {
                for (PGNotification notification : received) {
                    if (notification.getPID() != ownPid) {
                        payloads.add(notification.getParameter());
                    }
                }
            }
            return payloads;
        }

        /** Stops listening before the connection goes back to the pool, where nothing must pile up for it. */
        @Override
        public void close() throws SQLException {
            try (Statement unlisten = connection.createStatement()) {
                unlisten.execute("UNLISTEN *");
            } finally {
                connection.close();
            }
        }
    }
}
