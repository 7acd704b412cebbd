package org.linkage.notification.bench;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
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

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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
    private static final Duration WARM_UP = Duration.ofSeconds(Integer.getInteger("bench.warm-up-seconds", 5));
    private static final Duration MEASURED = Duration.ofSeconds(Integer.getInteger("bench.seconds", 30));
    private static final int VOLUNTEERS = Integer.getInteger("bench.streams", 50);
    private static final Pattern ASSIGNMENT = Pattern.compile("\"assignmentId\":\"([0-9a-f-]{36})\"");

    @TestHTTPResource("/api/v1/notifications/stream")
    URI stream;

    private final Map<String, Long> sentAt = new ConcurrentHashMap<>();
    private final Map<String, Long> receivedAt = new ConcurrentHashMap<>();

    @Test
    void offerToOpenStream() throws Exception {
        List<UUID> volunteers = Stream.generate(UUID::randomUUID).limit(VOLUNTEERS).toList();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        CountDownLatch live = new CountDownLatch(VOLUNTEERS);
        List<HttpResponse<Stream<String>>> streams = new ArrayList<>();
        for (UUID volunteer : volunteers) {
            HttpResponse<Stream<String>> response = client.send(HttpRequest.newBuilder(stream)
                            .header("Accept", "text/event-stream")
                            .header("Authorization", "Bearer " + Tokens.volunteer(volunteer)).build(),
                    HttpResponse.BodyHandlers.ofLines());
            streams.add(response);
            Thread reader = new Thread(() -> response.body().forEach(line -> read(line, live)), "bench-" + volunteer);
            reader.setDaemon(true);
            reader.start();
        }
        assertTrue(live.await(30, TimeUnit.SECONDS), "streams did not go live");

        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedKafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            List<String> warmUp = send(producer, volunteers, WARM_UP);
            List<String> measured = send(producer, volunteers, MEASURED);
            awaitAll(warmUp);
            awaitAll(measured);
            report(measured);
        } finally {
            streams.forEach(response -> response.body().close());
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
        for (int i = 0; i < count; i++) {
            long due = start + i * interval;
            while (System.nanoTime() < due) {
                Thread.onSpinWait();
            }
            AssignmentOffered offer = offer(volunteers.get(i % volunteers.size()));
            EventEnvelope envelope = EventEnvelope.wrap(offer, Instant.now(), null);
            String value = EventJson.write(envelope);
            String id = offer.assignmentId().toString();
            sentAt.put(id, System.nanoTime());
            producer.send(new ProducerRecord<>(Topics.ASSIGNMENT_EVENTS, envelope.aggregateId(), value));
            sent.add(id);
        }
        producer.flush();
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

    private void report(List<String> measured) {
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
    }

    private double seconds(List<String> measured) {
        long last = measured.stream().mapToLong(receivedAt::get).max().orElseThrow();
        return (last - sentAt.get(measured.get(0))) / 1e9;
    }

    private static double percentile(List<Long> sortedMicros, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sortedMicros.size()) - 1;
        return sortedMicros.get(Math.max(0, index)) / 1000.0;
    }
}
