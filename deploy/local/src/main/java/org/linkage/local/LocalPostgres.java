package org.linkage.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.stream.Stream;

/** A real PostgreSQL server from embedded binaries, its data kept in a folder so that a restart keeps it. */
final class LocalPostgres implements AutoCloseable {

    private final EmbeddedPostgres server;
    private final Path dataDirectory;

    private LocalPostgres(EmbeddedPostgres server, Path dataDirectory) {
        this.server = server;
        this.dataDirectory = dataDirectory;
    }

    static LocalPostgres start(Path dataDirectory, int port) throws IOException {
        EmbeddedPostgres server = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setServerConfig("max_connections", "300")
                // Each row's commit time (pg_xact_commit_timestamp): the load benchmark times every hop by it.
                .setServerConfig("track_commit_timestamp", "on")
                // Statements counted per query (pg_stat_statements): the load benchmark reports them per need.
                .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                .start();
        return new LocalPostgres(server, dataDirectory);
    }

    int port() {
        return server.getPort();
    }

    /** The postmaster's process id, the first line of its postmaster.pid file. */
    Optional<Long> pid() {
        try (Stream<String> lines = Files.lines(dataDirectory.resolve("postmaster.pid"))) {
            return lines.findFirst().map(String::strip).map(Long::valueOf);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
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
