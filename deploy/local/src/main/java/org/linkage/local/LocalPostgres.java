package org.linkage.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** A real PostgreSQL server from embedded binaries, its data kept in a folder so that a restart keeps it. */
final class LocalPostgres implements AutoCloseable {

    private final EmbeddedPostgres server;

    private LocalPostgres(EmbeddedPostgres server) {
        this.server = server;
    }

    static LocalPostgres start(Path dataDirectory, int port) throws IOException {
        EmbeddedPostgres server = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setServerConfig("max_connections", "300")
                // Each row's commit time (pg_xact_commit_timestamp): the load benchmark times every hop by it.
                .setServerConfig("track_commit_timestamp", "on")
                .start();
        return new LocalPostgres(server);
    }

    int port() {
        return server.getPort();
    }

    /** One database per service, as in production: no service can read another's tables. */
    String ensureDatabase(String name) throws SQLException {
        try (Connection connection = server.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            try (ResultSet exists = statement.executeQuery(
                    "SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
                if (!exists.next()) {
                    statement.execute("CREATE DATABASE \"" + name + "\"");
                }
            }
        }
        return "jdbc:postgresql://localhost:" + port() + "/" + name;
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
