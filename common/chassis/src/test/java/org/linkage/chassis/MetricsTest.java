package org.linkage.chassis;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Test;
import org.linkage.chassis.inbox.EventHandlers;
import org.linkage.chassis.inbox.IdempotentConsumer;
import org.linkage.events.EventEnvelope;
import org.linkage.events.EventJson;
import org.linkage.testing.EmbeddedPostgres;
import org.linkage.testing.Eventually;
import org.linkage.testing.InfrastructureTestResource;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import java.util.function.DoublePredicate;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The chassis' metrics as Prometheus scrapes them; the Grafana dashboard in deploy/k8s reads these names. */
@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
class MetricsTest {

    @Inject
    IdempotentConsumer consumer;

    @Inject
    MeterRegistry registry;

    @Test
    void consumedEventsAreCountedByTypeAndOutcome() {
        EventHandlers handlers = EventHandlers.builder().on(TestEvent.TYPE, TestEvent.class, event -> { }).build();
        String event = EventJson.write(EventEnvelope.wrap(new TestEvent("m", 1), Instant.now(), null));
        String unknown = EventJson.write(new EventEnvelope(UUID.randomUUID(), "MetricsTestUnknown", 1, Instant.now(),
                "Other", "1", null, EventEnvelope.wrap(new TestEvent("m", 1), Instant.now(), null).payload()));
        ConsumerRecord<String, String> poison = new ConsumerRecord<>("linkage.some-events", 0, 7L, "k", "not json");
        // Its type header names an event handled here, so it is read, found unreadable and dead-lettered.
        poison.headers().add(new RecordHeader("eventType", TestEvent.TYPE.getBytes(StandardCharsets.UTF_8)));
        double processed = consumed(TestEvent.TYPE, "processed");
        double duplicates = consumed(TestEvent.TYPE, "duplicate");
        double deadLettered = consumed(TestEvent.TYPE, "dead_lettered");
        double deadLetters = value("linkage_events_dead_lettered_total", "topic=\"linkage.some-events\"");

        consumer.apply(event, handlers);
        consumer.apply(event, handlers);
        consumer.apply(unknown, handlers);
        consumer.consume(poison, handlers);

        assertEquals(processed + 1, consumed(TestEvent.TYPE, "processed"));
        assertEquals(duplicates + 1, consumed(TestEvent.TYPE, "duplicate"));
        assertEquals(1, consumed("MetricsTestUnknown", "skipped"));
        assertEquals(deadLettered + 1, consumed(TestEvent.TYPE, "dead_lettered"));
        assertEquals(deadLetters + 1, value("linkage_events_dead_lettered_total", "topic=\"linkage.some-events\""));
    }

    /** A row the broker refuses (an illegal topic name) stays unpublished: the backlog gauges must show it. */
    @Test
    void theOutboxBacklogShowsRowsThatWaitAndHowLongTheOldestHasWaited() throws Exception {
        try (Connection connection = DriverManager.getConnection(EmbeddedPostgres.jdbcUrl("linkage"),
                EmbeddedPostgres.username(), EmbeddedPostgres.password())) {
            long stuck;
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO linkage_outbox (event_id, topic, message_key, event_type, payload, created_at)
                    VALUES (?, 'not a legal topic!', 'k', 'TestEvent', '{}', now() - interval '10 minutes')
                    RETURNING id""")) {
                insert.setObject(1, UUID.randomUUID());
                var result = insert.executeQuery();
                result.next();
                stuck = result.getLong(1);
            }
            try {
                awaitValue("linkage_outbox_pending", "", v -> v >= 1);
                awaitValue("linkage_outbox_oldest_unpublished_age_seconds", "", v -> v >= 600);
            } finally {
                connection.createStatement().executeUpdate("DELETE FROM linkage_outbox WHERE id = " + stuck);
            }
            awaitValue("linkage_outbox_pending", "", v -> v == 0);
            awaitValue("linkage_outbox_oldest_unpublished_age_seconds", "", v -> v < 600);
        }
    }

    @Test
    void linkageTimersPublishHistogramBucketsSoPercentilesAddUpOverReplicas() {
        registry.timer("linkage.metrics.test.wait").record(Duration.ofSeconds(3));
        assertEquals(1, value("linkage_metrics_test_wait_seconds_bucket", "le=\"+Inf\""));
        assertEquals(0, value("linkage_metrics_test_wait_seconds_bucket", "le=\"1.0\""));
        assertEquals(1, value("linkage_metrics_test_wait_seconds_count"));
    }

    private static double consumed(String type, String outcome) {
        return value("linkage_events_consumed_total", "outcome=\"" + outcome + "\"", "type=\"" + type + "\"");
    }

    private static void awaitValue(String name, String label, DoublePredicate expected) {
        double last = Eventually.latest(name + " " + label, () -> value(name, label), expected::test,
                Duration.ofSeconds(20));
        assertTrue(expected.test(last), name + " stayed at " + last);
    }

    /** The sample with all the given labels, 0 when there is none yet. */
    private static double value(String name, String... labels) {
        String scrape = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        return scrape.lines()
                .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .filter(line -> Arrays.stream(labels).allMatch(line::contains))
                .mapToDouble(MetricsTest::sampleValue)
                .findFirst().orElse(0);
    }

    /** {@code name{labels} value}, possibly followed by an exemplar ({@code # {trace_id=...} ...}). */
    private static double sampleValue(String line) {
        String afterLabels = line.substring(Math.max(line.indexOf('}'), line.indexOf(' ')) + 1).trim();
        return Double.parseDouble(afterLabels.split("\\s+")[0]);
    }
}
