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
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
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
    private static final long NOT_YET = Long.MIN_VALUE;
    private static final Pattern ASSIGNMENT = Pattern.compile("\"assignmentId\":\"([0-9a-f-]{36})\"");

    @TestHTTPResource("/api/v1/notifications/stream")
    URI stream;

    /**
     * What is recorded per event, by its number: preallocated arrays of primitives, nothing allocated per event that
     * lives on. The broker, the service and this client share one JVM, and a map entry per event would survive
     * every young collection until promoted, copied at each: pauses of the benchmark's own making.
     */
    private final int count = (int) (WARM_UP.plus(MEASURED).toSeconds() * RATE_PER_SECOND);
    private final int measuredFrom = (int) (WARM_UP.toSeconds() * RATE_PER_SECOND);
    private final AtomicLongArray sentAt = notYet(count);
    private final AtomicLongArray receivedAt = notYet(count);
    private final AtomicLongArray witnessedAt = notYet(count);
    /** The source event's id, to find its stages in the database afterwards. */
    private final long[] eventIdHigh = new long[count];
    private final long[] eventIdLow = new long[count];
    /** Assignment ids are (this run, event number), so a line read from a stream names its event's number. */
    private final long run = UUID.randomUUID().getMostSignificantBits();
    private final Instant wallAtStart = Instant.now();
    private final long nanosAtStart = System.nanoTime();
    private volatile boolean witnessing = true;
    private Pauses pausesBefore = new Pauses(0, 0);
    private Pauses pausesDuring;

    @Inject
    AgroalDataSource dataSource;

    private static AtomicLongArray notYet(int count) {
        AtomicLongArray times = new AtomicLongArray(count);
        for (int i = 0; i < count; i++) {
            times.set(i, NOT_YET);
        }
        return times;
    }

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
            send(producer, volunteers);
            awaitAll();
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
        Matcher assignment = ASSIGNMENT.matcher(text);
        if (assignment.find()) {
            UUID id = UUID.fromString(assignment.group(1));
            if (id.getMostSignificantBits() == run) {
                at.compareAndSet((int) id.getLeastSignificantBits(), NOT_YET, now);
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

    /** One offer every 1/rate seconds, round robin over the volunteers, for the warm-up and the measured time. */
    private void send(KafkaProducer<String, String> producer, List<UUID> volunteers) {
        long interval = TimeUnit.SECONDS.toNanos(1) / RATE_PER_SECOND;
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            if (i == measuredFrom) {
                pausesBefore = Pauses.now();
            }
            long due = start + i * interval;
            // Parks rather than spins: a spinning sender would take one of the machine's two cores from the service.
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            AssignmentOffered offer = offer(new UUID(run, i), volunteers.get(i % volunteers.size()));
            EventEnvelope envelope = EventEnvelope.wrap(offer, Instant.now(), null);
            String value = EventJson.write(envelope);
            eventIdHigh[i] = envelope.eventId().getMostSignificantBits();
            eventIdLow[i] = envelope.eventId().getLeastSignificantBits();
            sentAt.set(i, System.nanoTime());
            producer.send(new ProducerRecord<>(Topics.ASSIGNMENT_EVENTS, envelope.aggregateId(), value));
        }
        producer.flush();
        pausesDuring = Pauses.now().since(pausesBefore);
    }

    private static AssignmentOffered offer(UUID assignmentId, UUID volunteer) {
        Instant start = Instant.now().plus(Duration.ofHours(3));
        return AssignmentOffered.of(assignmentId, UUID.randomUUID(), volunteer, "sw-bench", "home-visit",
                Urgency.ROUTINE, new TimeWindow(start, start.plus(Duration.ofHours(1))), new GeoPoint(31.23, 121.47),
                "每周探访独居老人", Instant.now().plus(Duration.ofMinutes(30)));
    }

    private void awaitAll() throws InterruptedException {
        long deadline = System.currentTimeMillis() + 120_000;
        while (missing() > 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertEquals(0, missing(), "notifications missing");
    }

    private long missing() {
        return IntStream.range(0, count).filter(i -> receivedAt.get(i) == NOT_YET).count();
    }

    private long latency(int i) {
        return receivedAt.get(i) - sentAt.get(i);
    }

    /** The wall clock of a System.nanoTime() reading, to compare with the database's timestamps. */
    private Instant wall(long nanos) {
        return wallAtStart.plusNanos(nanos - nanosAtStart);
    }

    private void report() throws SQLException {
        List<Long> micros = new ArrayList<>(IntStream.range(measuredFrom, count)
                .mapToObj(i -> TimeUnit.NANOSECONDS.toMicros(latency(i))).toList());
        Collections.sort(micros);
        double seconds = (IntStream.range(measuredFrom, count).mapToLong(receivedAt::get).max().orElseThrow()
                - sentAt.get(measuredFrom)) / 1e9;
        System.out.printf("%n== AssignmentOffered on the topic -> notification on an open stream ==%n"
                        + "%d events at %d/s over %d s after %d s warm-up, %d streams, %d cores%n"
                        + "p50 %.1f ms  p90 %.1f ms  p99 %.1f ms  max %.1f ms%n"
                        + "the last arrived %.1f s after the first was sent: %.0f events/s told%n%n",
                micros.size(), RATE_PER_SECOND, MEASURED.toSeconds(), WARM_UP.toSeconds(), VOLUNTEERS,
                Runtime.getRuntime().availableProcessors(), percentile(micros, 50), percentile(micros, 90),
                percentile(micros, 99), micros.get(micros.size() - 1) / 1000.0, seconds, micros.size() / seconds);
        // The broker, the service and this client share the JVM: a collection stops all three at once.
        System.out.printf("garbage collections while the measured events were sent: %d, %d ms in all%n%n",
                pausesDuring.count(), pausesDuring.millis());
        stages();
        // When the slow ones were sent: bursts point at a pause (GC, compilation), a spread at saturation.
        long first = sentAt.get(measuredFrom);
        Map<Long, Long> worstPerSecond = new TreeMap<>();
        IntStream.range(measuredFrom, count).forEach(i -> worstPerSecond.merge(
                TimeUnit.NANOSECONDS.toSeconds(sentAt.get(i) - first), TimeUnit.NANOSECONDS.toMillis(latency(i)),
                Math::max));
        System.out.println("worst latency (ms) of the events sent in each second: " + worstPerSecond.values());
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
        List<Long> witnessed = new ArrayList<>(IntStream.range(measuredFrom, count)
                .filter(i -> witnessedAt.get(i) != NOT_YET)
                .mapToObj(i -> TimeUnit.NANOSECONDS.toMicros(witnessedAt.get(i) - sentAt.get(i))).toList());
        List<Long> toTransaction = new ArrayList<>();
        List<Long> inTransaction = new ArrayList<>();
        List<Long> toStream = new ArrayList<>();
        List<Integer> slowest = IntStream.range(measuredFrom, count).boxed()
                .sorted(Comparator.comparing(this::latency).reversed()).limit(10).toList();
        Map<Integer, String> slowestStages = new HashMap<>();
        long first = sentAt.get(measuredFrom);
        for (int i = measuredFrom; i < count; i++) {
            Instant[] stamp = stamps.get(new UUID(eventIdHigh[i], eventIdLow[i]));
            Instant sent = wall(sentAt.get(i));
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
                                + " in %.1f, to stream %.1f", (sentAt.get(i) - first) / 1e9, sent, latency(i) / 1e6,
                        witness == NOT_YET ? "?" : String.format("%.1f", (witness - sentAt.get(i)) / 1e6),
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
