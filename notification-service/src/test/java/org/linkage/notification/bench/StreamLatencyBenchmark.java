package org.linkage.notification.bench;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.linkage.events.Topics;
import org.linkage.testing.EmbeddedKafka;
import org.linkage.testing.InfrastructureTestResource;
import org.linkage.testing.Tokens;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Not a test: measures, and prints, the time from an AssignmentOffered sent to the topic to its notification read
 * from an open stream, at a steady rate. Run only with {@code -Pbench} (see docs/notifications.md); it asserts only
 * that every notification arrived, never a timing.
 */
@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
class StreamLatencyBenchmark {

    private static final int VOLUNTEERS = Integer.getInteger("bench.streams", 50);
    private static final long NOT_YET = OfferRun.NOT_YET;
    private static final Pattern ASSIGNMENT = Pattern.compile("\"assignmentId\":\"([0-9a-f-]{36})\"");

    @TestHTTPResource("/api/v1/notifications/stream")
    URI stream;

    /** The offers sent, and when each reached the stream and the witness: see {@link OfferRun}. */
    private final OfferRun offers = new OfferRun();
    private final AtomicLongArray receivedAt = OfferRun.notYet(offers.count);
    private final AtomicLongArray witnessedAt = OfferRun.notYet(offers.count);
    private final Instant wallAtStart = Instant.now();
    private final long nanosAtStart = System.nanoTime();
    private volatile boolean witnessing = true;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void offerToOpenStream() throws Exception {
        List<UUID> volunteers = Stream.generate(UUID::randomUUID).limit(VOLUNTEERS).toList();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        CountDownLatch live = new CountDownLatch(VOLUNTEERS);
        List<Flow.Subscription> streams = new CopyOnWriteArrayList<>();
        for (UUID volunteer : volunteers) {
            client.sendAsync(HttpRequest.newBuilder(stream)
                            .header("Accept", "text/event-stream")
                            .header("Authorization", "Bearer " + Tokens.volunteer(volunteer)).build(),
                    HttpResponse.BodyHandlers.fromLineSubscriber(new LineReader(streams, live)));
        }
        assertTrue(live.await(30, TimeUnit.SECONDS), "streams did not go live");

        Thread witness = new Thread(this::witness, "bench-witness");
        witness.setDaemon(true);
        witness.start();
        try {
            offers.send(volunteers, i -> { });
            offers.awaitAll(receivedAt, "notifications");
            report();
        } finally {
            witnessing = false;
            streams.forEach(Flow.Subscription::cancel);
        }
    }

    /**
     * A plain Kafka consumer of its own group on the same topic: what it sees is the broker's part alone, the floor
     * under what the service can do.
     */
    private void witness() {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedKafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "bench-witness-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            consumer.subscribe(List.of(Topics.ASSIGNMENT_EVENTS));
            while (witnessing) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                    arrived(witnessedAt, record.value(), System.nanoTime());
                }
            }
        }
    }

    /** Records the first arrival of the event the text names, if it is one of this run's. */
    private void arrived(AtomicLongArray at, String text, long now) {
        offers.arrived(at, ASSIGNMENT.matcher(text), now);
    }

    /**
     * Reads one stream's lines on the HTTP client's own threads as they arrive: a thread per stream would add a
     * hand-over, and fifty more threads, to what the two cores share.
     */
    private final class LineReader implements Flow.Subscriber<String> {

        private final List<Flow.Subscription> streams;
        private final CountDownLatch live;

        LineReader(List<Flow.Subscription> streams, CountDownLatch live) {
            this.streams = streams;
            this.live = live;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            streams.add(subscription);
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            if (line.equals(": live") || line.equals(":live")) {
                live.countDown();
            } else if (line.startsWith("data:")) {
                arrived(receivedAt, line, System.nanoTime());
            }
        }

        @Override
        public void onError(Throwable closedAtTheEnd) {
            // the benchmark closes the streams when it is done
        }

        @Override
        public void onComplete() {
        }
    }

    private long latency(int i) {
        return receivedAt.get(i) - offers.sentAt.get(i);
    }

    /** The wall clock of a System.nanoTime() reading, to compare with the database's timestamps. */
    private Instant wall(long nanos) {
        return wallAtStart.plusNanos(nanos - nanosAtStart);
    }

    private void report() throws SQLException {
        List<Long> micros = new ArrayList<>(IntStream.range(offers.measuredFrom, offers.count)
                .mapToObj(i -> TimeUnit.NANOSECONDS.toMicros(latency(i))).toList());
        Collections.sort(micros);
        double seconds = (IntStream.range(offers.measuredFrom, offers.count).mapToLong(receivedAt::get).max()
                .orElseThrow() - offers.sentAt.get(offers.measuredFrom)) / 1e9;
        System.out.printf("%n== AssignmentOffered on the topic -> notification on an open stream ==%n"
                        + "%d events at %d/s over %d s after %d s warm-up, %d streams, %d cores%n"
                        + "p50 %.1f ms  p90 %.1f ms  p99 %.1f ms  max %.1f ms%n"
                        + "the last arrived %.1f s after the first was sent: %.0f events/s told%n%n",
                micros.size(), offers.rate, offers.measured.toSeconds(), offers.warmUp.toSeconds(), VOLUNTEERS,
                Runtime.getRuntime().availableProcessors(), percentile(micros, 50), percentile(micros, 90),
                percentile(micros, 99), micros.get(micros.size() - 1) / 1000.0, seconds, micros.size() / seconds);
        // The broker, the service and this client share the JVM: a collection stops all three at once.
        System.out.printf("garbage collections while the measured events were sent: %d, %d ms in all%n%n",
                offers.pausesDuring().count(), offers.pausesDuring().millis());
        stages();
        // When the slow ones were sent: bursts point at a pause (GC, compilation), a spread at saturation.
        System.out.println("worst latency (ms) of the events sent in each second: "
                + offers.worstPerSecond(this::latency));
    }

    /**
     * Where the time went, from the database's own timestamps (one clock): the processed-event row's time is its
     * transaction's start, the notification's createdAt when the row was built, just before the commit.
     */
    private void stages() throws SQLException {
        Map<UUID, Instant[]> stamps = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("""
                     SELECT e.event_id, e.processed_at, n.created_at FROM linkage_processed_event e
                     JOIN notification n ON n.source_event_id = e.event_id""");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                stamps.put(rows.getObject(1, UUID.class), new Instant[] {
                        rows.getObject(2, OffsetDateTime.class).toInstant(),
                        rows.getObject(3, OffsetDateTime.class).toInstant()});
            }
        }
        List<Long> witnessed = new ArrayList<>(IntStream.range(offers.measuredFrom, offers.count)
                .filter(i -> witnessedAt.get(i) != NOT_YET)
                .mapToObj(i -> TimeUnit.NANOSECONDS.toMicros(witnessedAt.get(i) - offers.sentAt.get(i))).toList());
        List<Long> toTransaction = new ArrayList<>();
        List<Long> inTransaction = new ArrayList<>();
        List<Long> toStream = new ArrayList<>();
        List<Integer> slowest = IntStream.range(offers.measuredFrom, offers.count).boxed()
                .sorted(Comparator.comparing(this::latency).reversed()).limit(10).toList();
        Map<Integer, String> slowestStages = new HashMap<>();
        long first = offers.sentAt.get(offers.measuredFrom);
        for (int i = offers.measuredFrom; i < offers.count; i++) {
            Instant[] stamp = stamps.get(offers.eventId(i));
            Instant sent = wall(offers.sentAt.get(i));
            Instant received = wall(receivedAt.get(i));
            long toTx = Duration.between(sent, stamp[0]).toNanos() / 1000;
            long inTx = Duration.between(stamp[0], stamp[1]).toNanos() / 1000;
            long out = Duration.between(stamp[1], received).toNanos() / 1000;
            toTransaction.add(toTx);
            inTransaction.add(inTx);
            toStream.add(out);
            if (slowest.contains(i)) {
                long witness = witnessedAt.get(i);
                slowestStages.put(i, String.format("  at %5.1f s (%s): %6.1f ms = Kafka %s, to transaction %.1f,"
                                + " in %.1f, to stream %.1f", (offers.sentAt.get(i) - first) / 1e9, sent,
                        latency(i) / 1e6,
                        witness == NOT_YET ? "?" : String.format("%.1f", (witness - offers.sentAt.get(i)) / 1e6),
                        toTx / 1e3, inTx / 1e3, out / 1e3));
            }
        }
        stage("sent -> a plain consumer of the topic has it (Kafka alone)", witnessed);
        stage("sent -> consumer's transaction begins (Kafka, queueing)", toTransaction);
        stage("transaction begins -> inbox row built", inTransaction);
        stage("inbox row built -> on the stream (commit, push, client)", toStream);
        System.out.println("the ten slowest, by stage (ms):");
        slowest.stream().map(slowestStages::get).forEach(System.out::println);
        // PostgreSQL's own background work shares the two cores: when it ran, in case it lines up with the slowest.
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("""
                     SELECT relname, last_autovacuum, last_autoanalyze FROM pg_stat_user_tables
                     WHERE last_autovacuum IS NOT NULL OR last_autoanalyze IS NOT NULL""");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                System.out.printf("  autovacuum %s: last vacuum %s, last analyze %s%n", rows.getString(1),
                        rows.getObject(2, OffsetDateTime.class), rows.getObject(3, OffsetDateTime.class));
            }
        }
    }

    private static void stage(String name, List<Long> micros) {
        Collections.sort(micros);
        System.out.printf("  %-58s p50 %6.1f ms  p99 %6.1f ms%n", name, percentile(micros, 50), percentile(micros, 99));
    }

    private static double percentile(List<Long> sortedMicros, int percentile) {
        return OfferRun.percentile(sortedMicros, percentile);
    }
}
