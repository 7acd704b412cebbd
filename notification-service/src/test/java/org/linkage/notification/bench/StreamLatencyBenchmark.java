package org.linkage.notification.bench;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.linkage.events.EventEnvelope;
import org.linkage.events.EventJson;
import org.linkage.events.GeoPoint;
import org.linkage.events.TimeWindow;
import org.linkage.events.Topics;
import org.linkage.events.assignment.AssignmentOffered;
import org.linkage.events.need.Urgency;
import org.linkage.testing.EmbeddedKafka;
import org.linkage.testing.InfrastructureTestResource;
import org.linkage.testing.Tokens;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
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
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Not a test: measures, and prints, the time from an AssignmentOffered sent to the topic to its notification read
 * from an open stream, at a steady rate. Run only with {@code -Pbench} (see docs/notifications.md); it asserts only
 * that every notification arrived, never a timing.
 */
@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
class StreamLatencyBenchmark {

    private static final int RATE_PER_SECOND = Integer.getInteger("bench.rate", 200);
    private static final Duration WARM_UP = Duration.ofSeconds(Integer.getInteger("bench.warm-up-seconds", 120));
    private static final Duration MEASURED = Duration.ofSeconds(Integer.getInteger("bench.seconds", 30));
    private static final int VOLUNTEERS = Integer.getInteger("bench.streams", 50);
    private static final Pattern ASSIGNMENT = Pattern.compile("\"assignmentId\":\"([0-9a-f-]{36})\"");

    @TestHTTPResource("/api/v1/notifications/stream")
    URI stream;

    private final Map<String, Long> sentAt = new ConcurrentHashMap<>();
    private final Map<String, Long> receivedAt = new ConcurrentHashMap<>();
    /** Wall clock of the send and the event id, to find each event's stages in the database afterwards. */
    private final Map<String, Instant> sentAtWall = new ConcurrentHashMap<>();
    private final Map<String, UUID> eventIds = new ConcurrentHashMap<>();
    private final Map<String, Long> witnessedAt = new ConcurrentHashMap<>();
    private volatile boolean witnessing = true;
    private Pauses pausesBefore = new Pauses(0, 0);
    private Pauses pausesDuring;

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
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedKafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            // One steady stream of offers: the first part lets the JIT compile the path (on two cores it is still
            // compiling after a minute), only the rest is measured. No pause in between: a backlog the warm-up left
            // would show in the figures, as it would in production.
            List<String> sent = send(producer, volunteers, WARM_UP.plus(MEASURED));
            awaitAll(sent);
            report(sent.subList((int) (WARM_UP.toSeconds() * RATE_PER_SECOND), sent.size()));
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
                    long now = System.nanoTime();
                    Matcher assignment = ASSIGNMENT.matcher(record.value());
                    if (assignment.find()) {
                        witnessedAt.putIfAbsent(assignment.group(1), now);
                    }
                }
            }
        }
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
            read(line, live);
        }

        @Override
        public void onError(Throwable closedAtTheEnd) {
            // the benchmark closes the streams when it is done
        }

        @Override
        public void onComplete() {
        }
    }

    private void read(String line, CountDownLatch live) {
        if (line.equals(": live") || line.equals(":live")) {
            live.countDown();
        } else if (line.startsWith("data:")) {
            long now = System.nanoTime();
            Matcher assignment = ASSIGNMENT.matcher(line);
            if (assignment.find()) {
                receivedAt.putIfAbsent(assignment.group(1), now);
            }
        }
    }

    /** One offer every 1/rate seconds, round robin over the volunteers, for the duration; returns their ids. */
    private List<String> send(KafkaProducer<String, String> producer, List<UUID> volunteers, Duration duration) {
        long interval = TimeUnit.SECONDS.toNanos(1) / RATE_PER_SECOND;
        long count = duration.toSeconds() * RATE_PER_SECOND;
        List<String> sent = new ArrayList<>();
        long start = System.nanoTime();
        long measuredFrom = WARM_UP.toSeconds() * RATE_PER_SECOND;
        for (int i = 0; i < count; i++) {
            if (i == measuredFrom) {
                pausesBefore = Pauses.now();
            }
            long due = start + i * interval;
            // Parks rather than spins: a spinning sender would take one of the machine's two cores from the service.
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            AssignmentOffered offer = offer(volunteers.get(i % volunteers.size()));
            EventEnvelope envelope = EventEnvelope.wrap(offer, Instant.now(), null);
            String value = EventJson.write(envelope);
            String id = offer.assignmentId().toString();
            sentAtWall.put(id, Instant.now());
            eventIds.put(id, envelope.eventId());
            sentAt.put(id, System.nanoTime());
            producer.send(new ProducerRecord<>(Topics.ASSIGNMENT_EVENTS, envelope.aggregateId(), value));
            sent.add(id);
        }
        producer.flush();
        pausesDuring = Pauses.now().since(pausesBefore);
        return sent;
    }

    private static AssignmentOffered offer(UUID volunteer) {
        Instant start = Instant.now().plus(Duration.ofHours(3));
        return AssignmentOffered.of(UUID.randomUUID(), UUID.randomUUID(), volunteer, "sw-bench", "home-visit",
                Urgency.ROUTINE, new TimeWindow(start, start.plus(Duration.ofHours(1))), new GeoPoint(31.23, 121.47),
                "每周探访独居老人", Instant.now().plus(Duration.ofMinutes(30)));
    }

    private void awaitAll(List<String> ids) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 120_000;
        while (!receivedAt.keySet().containsAll(ids) && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertEquals(ids.size(), ids.stream().filter(receivedAt::containsKey).count(), "notifications missing");
    }

    private void report(List<String> measured) throws SQLException {
        List<Long> micros = new ArrayList<>(measured.stream()
                .map(id -> TimeUnit.NANOSECONDS.toMicros(receivedAt.get(id) - sentAt.get(id))).toList());
        Collections.sort(micros);
        System.out.printf("%n== AssignmentOffered on the topic -> notification on an open stream ==%n"
                        + "%d events at %d/s over %d s after %d s warm-up, %d streams, %d cores%n"
                        + "p50 %.1f ms  p90 %.1f ms  p99 %.1f ms  max %.1f ms%n"
                        + "the last arrived %.1f s after the first was sent: %.0f events/s told%n%n",
                micros.size(), RATE_PER_SECOND, MEASURED.toSeconds(), WARM_UP.toSeconds(), VOLUNTEERS,
                Runtime.getRuntime().availableProcessors(), percentile(micros, 50), percentile(micros, 90),
                percentile(micros, 99), micros.get(micros.size() - 1) / 1000.0, seconds(measured),
                measured.size() / seconds(measured));
        // The broker, the service and this client share the JVM: a collection stops all three at once.
        System.out.printf("garbage collections while the measured events were sent: %d, %d ms in all%n%n",
                pausesDuring.count(), pausesDuring.millis());
        stages(measured);
        // When the slow ones were sent: bursts point at a pause (GC, compilation), a spread at saturation.
        long first = sentAt.get(measured.get(0));
        Map<Long, Long> worstPerSecond = new TreeMap<>();
        measured.forEach(id -> worstPerSecond.merge(TimeUnit.NANOSECONDS.toSeconds(sentAt.get(id) - first),
                TimeUnit.NANOSECONDS.toMillis(receivedAt.get(id) - sentAt.get(id)), Math::max));
        System.out.println("worst latency (ms) of the events sent in each second: " + worstPerSecond.values());
    }

    /**
     * Where the time went, from the database's own timestamps (one clock): the processed-event row's time is its
     * transaction's start, the notification's createdAt when the row was built, just before the commit.
     */
    private void stages(List<String> measured) throws SQLException {
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
        List<Long> witnessed = new ArrayList<>(measured.stream().filter(witnessedAt::containsKey)
                .map(id -> TimeUnit.NANOSECONDS.toMicros(witnessedAt.get(id) - sentAt.get(id))).toList());
        List<Long> toTransaction = new ArrayList<>();
        List<Long> inTransaction = new ArrayList<>();
        List<Long> toStream = new ArrayList<>();
        List<String> slowest = new ArrayList<>(measured);
        slowest.sort(Comparator.comparing((String id) -> receivedAt.get(id) - sentAt.get(id)).reversed());
        slowest = slowest.subList(0, Math.min(10, slowest.size()));
        Set<String> tenSlowest = Set.copyOf(slowest);
        Map<String, String> slowestStages = new HashMap<>();
        long first = sentAt.get(measured.get(0));
        for (String id : measured) {
            Instant[] stamp = stamps.get(eventIds.get(id));
            Instant sent = sentAtWall.get(id);
            Instant received = sent.plusNanos(receivedAt.get(id) - sentAt.get(id));
            long toTx = Duration.between(sent, stamp[0]).toNanos() / 1000;
            long inTx = Duration.between(stamp[0], stamp[1]).toNanos() / 1000;
            long out = Duration.between(stamp[1], received).toNanos() / 1000;
            toTransaction.add(toTx);
            inTransaction.add(inTx);
            toStream.add(out);
            if (tenSlowest.contains(id)) {
                Long witness = witnessedAt.get(id);
                slowestStages.put(id, String.format("  at %5.1f s (%s): %6.1f ms = Kafka %s, to transaction %.1f,"
                                + " in %.1f, to stream %.1f", (sentAt.get(id) - first) / 1e9, sent,
                        (receivedAt.get(id) - sentAt.get(id)) / 1e6,
                        witness == null ? "?" : String.format("%.1f", (witness - sentAt.get(id)) / 1e6),
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

    private double seconds(List<String> measured) {
        long last = measured.stream().mapToLong(receivedAt::get).max().orElseThrow();
        return (last - sentAt.get(measured.get(0))) / 1e9;
    }

    /** What the JVM's collectors report: how many collections so far, and their accumulated time. */
    private record Pauses(long count, long millis) {

        static Pauses now() {
            return new Pauses(
                    ManagementFactory.getGarbageCollectorMXBeans().stream()
                            .mapToLong(GarbageCollectorMXBean::getCollectionCount).sum(),
                    ManagementFactory.getGarbageCollectorMXBeans().stream()
                            .mapToLong(GarbageCollectorMXBean::getCollectionTime).sum());
        }

        Pauses since(Pauses before) {
            return new Pauses(count - before.count, millis - before.millis);
        }
    }

    private static double percentile(List<Long> sortedMicros, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sortedMicros.size()) - 1;
        return sortedMicros.get(Math.max(0, index)) / 1000.0;
    }
}
