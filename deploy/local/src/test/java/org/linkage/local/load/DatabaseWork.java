package org.linkage.local.load;

import org.linkage.local.LocalSuite;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What the measured needs asked of PostgreSQL, per service database: transactions committed and statements run (the
 * local server loads pg_stat_statements), and the statements run most often. Counts, unlike latencies, hardly depend
 * on what else runs on the machine, and tell which round trips a need could do without.
 */
final class DatabaseWork {

    private static final List<String> DATABASES = LocalSuite.SERVICES.stream().map(LocalSuite::databaseOf).toList();
    private static final int TOP = 14;

    private final Function<String, String> jdbcUrl;
    private final Map<String, Long> commitsAtStart;

    private DatabaseWork(Function<String, String> jdbcUrl, Map<String, Long> commitsAtStart) {
        this.jdbcUrl = jdbcUrl;
        this.commitsAtStart = commitsAtStart;
    }

    /** Starts counting: the statement statistics are reset, the commits so far noted. */
    static DatabaseWork start(Function<String, String> jdbcUrl) {
        try (Connection postgres = HopTimes.connect(jdbcUrl.apply("postgres"));
             Statement statement = postgres.createStatement()) {
            statement.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            statement.execute("SELECT pg_stat_statements_reset()");
            return new DatabaseWork(jdbcUrl, commits(statement));
        } catch (SQLException e) {
            throw new IllegalStateException("pg_stat_statements could not be reset", e);
        }
    }

    /** A markdown table of each database's work per need since the start, then its most frequent statements. */
    String report(long needs) throws SQLException {
        double per = Math.max(1, needs);
        StringBuilder table = new StringBuilder("| database | transactions per need | statements per need "
                + "| statement time per need ms |\n|---|---:|---:|---:|\n");
        StringBuilder top = new StringBuilder();
        try (Connection postgres = HopTimes.connect(jdbcUrl.apply("postgres"));
             Statement statement = postgres.createStatement()) {
            Map<String, Long> commits = commits(statement);
            for (String database : DATABASES) {
                List<String> frequent = new ArrayList<>();
                long calls = 0;
                double millis = 0;
                try (ResultSet rows = statement.executeQuery("SELECT s.calls, s.total_exec_time, s.query"
                        + " FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid"
                        + " WHERE d.datname = '" + database + "' ORDER BY s.calls DESC")) {
                    while (rows.next()) {
                        calls += rows.getLong(1);
                        millis += rows.getDouble(2);
                        if (frequent.size() < TOP) {
                            frequent.add(String.format("  %.2f per need, %.3f ms each: %s", rows.getLong(1) / per,
                                    rows.getDouble(2) / Math.max(1, rows.getLong(1)), oneLine(rows.getString(3))));
                        }
                    }
                }
                table.append(String.format("| %s | %.2f | %.2f | %.2f |%n", database,
                        (commits.getOrDefault(database, 0L) - commitsAtStart.getOrDefault(database, 0L)) / per,
                        calls / per, millis / per));
                top.append("LOAD ").append(database).append("'s most frequent statements:\n");
                frequent.forEach(line -> top.append(line).append('\n'));
            }
        }
        return table + top.toString();
    }

    private static Map<String, Long> commits(Statement statement) throws SQLException {
        Map<String, Long> commits = new LinkedHashMap<>();
        try (ResultSet rows = statement.executeQuery("SELECT datname, xact_commit FROM pg_stat_database"
                + " WHERE datname IS NOT NULL")) {
            while (rows.next()) {
                commits.put(rows.getString(1), rows.getLong(2));
            }
        }
        return commits;
    }

    private static String oneLine(String query) {
        String line = query.replaceAll("\\s+", " ").strip();
        return line.length() > 160 ? line.substring(0, 157) + "..." : line;
    }
}
