package org.linkage.notification.bench;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.linkage.events.EventEnvelope;
import org.linkage.events.EventJson;
import org.linkage.events.GeoPoint;
import org.linkage.events.TimeWindow;
import org.linkage.events.Topics;
import org.linkage.events.assignment.AssignmentOffered;
import org.linkage.events.need.Urgency;
import org.linkage.testing.EmbeddedKafka;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;
import java.util.function.IntToLongFunction;
import java.util.regex.Matcher;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * One steady stream of AssignmentOffered events at {@code -Dbench.rate} per second (200): the first
 * {@code -Dbench.warm-up-seconds} (120) let the JIT compile the path (on two cores it is still compiling after a
 * minute), the next {@code -Dbench.seconds} (30) are measured. No pause in between: a backlog the warm-up left shows
 * in the figures, as it would in production.
 *
 * <p>What is recorded per offer, by its number, is kept in preallocated arrays of primitives: the broker, the
 * service and the benchmark share one JVM, and an object per offer that lives on would be copied at every young
 * collection until promoted, pauses of the benchmark's own making.
 */
final class OfferRun {

    static final long NOT_YET = Long.MIN_VALUE;

    final int rate = Integer.getInteger("bench.rate", 200);
    final Duration warmUp = Duration.ofSeconds(Integer.getInteger("bench.warm-up-seconds", 120));
    final Duration measured = Duration.ofSeconds(Integer.getInteger("bench.seconds", 30));
    final int count = (int) (warmUp.plus(measured).toSeconds() * rate);
    final int measuredFrom = (int) (warmUp.toSeconds() * rate);
    /** System.nanoTime() just before each offer was handed to the producer. */
    final AtomicLongArray sentAt = notYet(count);
    /** Assignment ids are (this run, offer number), so whatever names the assignment names its offer's number. */
    private final long run = UUID.randomUUID().getMostSignificantBits();
    /** Each offer's event id, to find its stages in the database afterwards. */
    private final long[] eventIdHigh = new long[count];
    private final long[] eventIdLow = new long[count];
    private Pauses pausesBefore = new Pauses(0, 0);
    private Pauses pausesDuring;

    static AtomicLongArray notYet(int count) {
        AtomicLongArray times = new AtomicLongArray(count);
        for (int i = 0; i < count; i++) {
            times.set(i, NOT_YET);
        }
        return times;
    }

    /**
     * Sends one offer every 1/rate seconds, round robin over the volunteers, through an idempotent producer (acks
     * all, no linger); {@code before} runs before each offer's turn with its number.
     */
    void send(List<UUID> volunteers, IntConsumer before) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedKafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            long interval = TimeUnit.SECONDS.toNanos(1) / rate;
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                if (i == measuredFrom) {
                    pausesBefore = Pauses.now();
                }
                before.accept(i);
                long due = start + i * interval;
                // Parks rather than spins: a spinning sender would take one of the two cores from the service.
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
    }

    private static AssignmentOffered offer(UUID assignmentId, UUID volunteer) {
        Instant start = Instant.now().plus(Duration.ofHours(3));
        return AssignmentOffered.of(assignmentId, UUID.randomUUID(), volunteer, "sw-bench", "home-visit",
                Urgency.ROUTINE, new TimeWindow(start, start.plus(Duration.ofHours(1))), new GeoPoint(31.23, 121.47),
                "每周探访独居老人", Instant.now().plus(Duration.ofMinutes(30)));
    }

    /** Records {@code now} as the first arrival of the offer whose assignment id is group 1 of the match, if ours. */
    void arrived(AtomicLongArray at, Matcher assignment, long now) {
        if (assignment.find()) {
            UUID id = UUID.fromString(assignment.group(1));
            if (id.getMostSignificantBits() == run) {
                at.compareAndSet((int) id.getLeastSignificantBits(), NOT_YET, now);
            }
        }
    }

    /** Waits up to two minutes for every offer to arrive; asserts only that, never a timing. */
    void awaitAll(AtomicLongArray arrivedAt, String what) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 120_000;
        while (missing(arrivedAt) > 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertEquals(0, missing(arrivedAt), what + " missing");
    }

    private long missing(AtomicLongArray arrivedAt) {
        return IntStream.range(0, count).filter(i -> arrivedAt.get(i) == NOT_YET).count();
    }

    UUID eventId(int i) {
        return new UUID(eventIdHigh[i], eventIdLow[i]);
    }

    /** Collections while the measured offers were sent: the broker, the service and the client stop together. */
    Pauses pausesDuring() {
        return pausesDuring;
    }

    /** The worst latency (ms) of the offers sent in each second: bursts point at a pause, a spread at saturation. */
    String worstPerSecond(IntToLongFunction latencyNanos) {
        long first = sentAt.get(measuredFrom);
        Map<Long, Long> worst = new TreeMap<>();
        IntStream.range(measuredFrom, count).forEach(i -> worst.merge(
                TimeUnit.NANOSECONDS.toSeconds(sentAt.get(i) - first),
                TimeUnit.NANOSECONDS.toMillis(latencyNanos.applyAsLong(i)), Math::max));
        return worst.values().toString();
    }

    /** What the JVM's collectors report: how many collections so far, and their accumulated time. */
    record Pauses(long count, long millis) {

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

    static double percentile(List<Long> sortedMicros, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sortedMicros.size()) - 1;
        return sortedMicros.get(Math.max(0, index)) / 1000.0;
    }
}
