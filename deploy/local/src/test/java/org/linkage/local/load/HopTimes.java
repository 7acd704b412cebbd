package org.linkage.local.load;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * When each need passed each hop, read afterwards from the services' databases (one machine clock). A timestamp
 * column defaulting to now() is its transaction's start; a row's commit time comes from
 * pg_xact_commit_timestamp(xmin) (the local PostgreSQL tracks commit timestamps) of a row nobody updates later.
 */
final class HopTimes {

    /** The hops of one need, wall-clock microseconds; 0 where the need has not reached that hop. */
    record Hops(long stored, long committed, long published, long consumed, long offered, long offerPublished,
                long offerConsumed, long notified) {
    }

    /** The hops' names, in order, as the report shows them. */
    static final String[] NAMES = {"POST -> need stored", "stored -> committed (activity)",
            "committed -> published (activity outbox relay)",
            "published -> consumed (matching)", "consumed -> offers committed (matching)",
            "committed -> published (matching outbox relay)", "published -> consumed (notification)",
            "consumed -> notification committed", "committed -> on the volunteer's stream"};

    static Map<UUID, Hops> read(Function<String, String> jdbcUrl) throws SQLException {
        Map<UUID, long[]> raised = new HashMap<>();   // need → {stored, published}, and its NeedRaised event id
        Map<UUID, UUID> raisedEvent = new HashMap<>();
        Map<UUID, Long> committed = new HashMap<>();
        try (Connection activity = connect(jdbcUrl.apply("activity"))) {
            query(activity, "SELECT message_key, event_id, " + micros("created_at") + ", " + micros("published_at")
                    + " FROM linkage_outbox WHERE event_type = 'NeedRaised'", row -> {
                UUID need = UUID.fromString(row.getString(1));
                raised.put(need, new long[] {row.getLong(3), row.getLong(4)});
                raisedEvent.put(need, row.getObject(2, UUID.class));
            });
            // The need's first status change is written with it and never updated: its xmin is the POST's.
            query(activity, "SELECT need_id, " + micros("pg_xact_commit_timestamp(xmin)")
                    + " FROM need_status_change WHERE position = 0", row -> committed.put(row.getObject(1, UUID.class),
                    row.getLong(2)));
        }
        Map<UUID, long[]> processedByMatching = processed(jdbcUrl.apply("matching"), "NeedRaised");
        Map<UUID, long[]> offeredByNeed = new HashMap<>();   // need → {published}, and its AssignmentOffered event
        Map<UUID, UUID> offerEvent = new HashMap<>();
        try (Connection matching = connect(jdbcUrl.apply("matching"))) {
            query(matching, "SELECT (payload::jsonb -> 'payload' ->> 'needId')::uuid, event_id, "
                    + micros("published_at")
                    + " FROM linkage_outbox WHERE event_type = 'AssignmentOffered' ORDER BY id",
                    row -> {
                UUID need = row.getObject(1, UUID.class);
                if (offerEvent.putIfAbsent(need, row.getObject(2, UUID.class)) == null) {
                    offeredByNeed.put(need, new long[] {row.getLong(3)});
                }
            });
        }
        Map<UUID, long[]> processedByNotification = processed(jdbcUrl.apply("notification"), "AssignmentOffered");
        Map<UUID, Hops> hops = new HashMap<>();
        raised.forEach((need, times) -> {
            long[] consumed = processedByMatching.getOrDefault(raisedEvent.get(need), new long[2]);
            UUID offer = offerEvent.get(need);
            long[] offered = offer == null ? new long[1] : offeredByNeed.get(need);
            long[] told = offer == null ? new long[2] : processedByNotification.getOrDefault(offer, new long[2]);
            hops.put(need, new Hops(times[0], committed.getOrDefault(need, 0L), times[1], consumed[0], consumed[1],
                    offered[0], told[0], told[1]));
        });
        return hops;
    }

    /** Event id → {transaction start, commit} of the consumer's transaction that applied it. */
    private static Map<UUID, long[]> processed(String url, String eventType) throws SQLException {
        Map<UUID, long[]> times = new HashMap<>();
        try (Connection connection = connect(url)) {
            query(connection, "SELECT event_id, " + micros("processed_at") + ", "
                    + micros("pg_xact_commit_timestamp(xmin)") + " FROM linkage_processed_event WHERE event_type = '"
                    + eventType + "'", row -> times.put(row.getObject(1, UUID.class),
                    new long[] {row.getLong(2), row.getLong(3)}));
        }
        return times;
    }

    private interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    private static void query(Connection connection, String sql, RowReader reader) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                reader.read(rows);
            }
        }
    }

    /** A timestamp as wall-clock microseconds, 0 when null. */
    private static String micros(String timestamp) {
        return "COALESCE((EXTRACT(EPOCH FROM " + timestamp + ") * 1000000)::bigint, 0)";
    }

    static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, "postgres", "postgres");
    }

    private HopTimes() {
    }
}
