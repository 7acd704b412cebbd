package org.linkage.chassis;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.linkage.chassis.outbox.Outbox;
import org.linkage.events.EventEnvelope;
import org.linkage.events.EventJson;
import org.linkage.events.Topics;
import org.linkage.testing.EmbeddedPostgres;
import org.linkage.testing.Eventually;
import org.linkage.testing.InfrastructureTestResource;
import org.linkage.testing.TopicProbe;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
class OutboxTest {

    @Inject
    Outbox outbox;

    @Inject
    EntityManager entityManager;

    @Test
    void eventsOfOneAggregateArePublishedInOrderKeyedByTheAggregate() {
        String subject = UUID.randomUUID().toString();
        for (int batch = 0; batch < 5; batch++) {
            int first = batch * 10;
            QuarkusTransaction.requiringNew().run(() ->
                    IntStream.range(first, first + 10).forEach(i -> outbox.publish(new TestEvent(subject, i))));
        }
        List<EventEnvelope> published = awaitCount(subject, 50);
        assertEquals(IntStream.range(0, 50).boxed().toList(),
                published.stream().map(e -> e.payload().path("sequence").asInt()).toList());
        ConsumerRecord<String, String> record = recordsOf(subject).get(0);
        assertEquals(subject, record.key());
        assertEquals(TestEvent.TYPE, new String(record.headers().lastHeader("eventType").value(), StandardCharsets.UTF_8));
    }

    @Test
    void eventsRecordedTogetherArePublishedInTheirOrder() {
        String subject = UUID.randomUUID().toString();
        List<EventEnvelope> recorded = QuarkusTransaction.requiringNew().call(() -> outbox.publishAll(
                IntStream.range(0, 7).mapToObj(i -> new TestEvent(subject, i)).toList()));
        assertEquals(7, recorded.size());
        List<EventEnvelope> published = awaitCount(subject, 7);
        assertEquals(IntStream.range(0, 7).boxed().toList(),
                published.stream().map(e -> e.payload().path("sequence").asInt()).toList());
        assertEquals(recorded.stream().map(EventEnvelope::eventId).toList(),
                published.stream().map(EventEnvelope::eventId).toList());
        assertEquals(List.of(), QuarkusTransaction.requiringNew().call(() -> outbox.publishAll(List.of())));
    }

    @Test
    void stateInsertedInTheEventsStatementIsStoredWithThem() {
        String subject = UUID.randomUUID().toString();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        Outbox.Insert notes = new Outbox.Insert("""
                INSERT INTO test_note (id, text) VALUES (?, ?), (?, COALESCE(CAST(? AS TEXT), 'nothing said'))""", List.of(
                Outbox.Insert.value(first, UUID.class), Outbox.Insert.value("with its event", String.class),
                Outbox.Insert.value(second, UUID.class), Outbox.Insert.value(null, String.class)));
        QuarkusTransaction.requiringNew().run(() -> outbox.publishAllWith(List.of(notes),
                List.of(new TestEvent(subject, 1), new TestEvent(subject, 2))));

        assertEquals(List.of(1, 2), awaitCount(subject, 2).stream().map(e -> e.payload().path("sequence").asInt())
                .toList());
        QuarkusTransaction.requiringNew().run(() -> {
            assertEquals("with its event", entityManager.find(TestNote.class, first).text);
            assertEquals("nothing said", entityManager.find(TestNote.class, second).text);
        });
        assertThrows(IllegalArgumentException.class, () -> new Outbox.Insert("INSERT INTO test_note (id) VALUES (?)",
                List.of()), "a placeholder without its value");
    }

    @Test
    void stateInsertedInTheEventsStatementIsRolledBackWithThem() {
        String subject = UUID.randomUUID().toString();
        UUID id = UUID.randomUUID();
        Outbox.Insert note = new Outbox.Insert("INSERT INTO test_note (id, text) VALUES (?, ?)", List.of(
                Outbox.Insert.value(id, UUID.class), Outbox.Insert.value("rolled back", String.class)));
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            outbox.publishAllWith(List.of(note), List.of(new TestEvent(subject, 1)));
            throw new IllegalStateException("the business rule failed");
        }));
        QuarkusTransaction.requiringNew().run(() -> outbox.publish(new TestEvent(subject, 2)));

        assertEquals(List.of(2), awaitCount(subject, 1).stream().map(e -> e.payload().path("sequence").asInt())
                .toList());
        assertEquals(null, QuarkusTransaction.requiringNew().call(() -> entityManager.find(TestNote.class, id)));
    }

    @Test
    void anEventOfARolledBackTransactionIsNeverPublished() {
        String subject = UUID.randomUUID().toString();
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            TestNote note = new TestNote();
            note.id = UUID.randomUUID();
            note.text = "rolled back";
            entityManager.persist(note);
            outbox.publish(new TestEvent(subject, 1));
            throw new IllegalStateException("the business rule failed");
        }));
        QuarkusTransaction.requiringNew().run(() -> outbox.publish(new TestEvent(subject, 2)));
        List<EventEnvelope> published = awaitCount(subject, 1);
        assertEquals(List.of(2), published.stream().map(e -> e.payload().path("sequence").asInt()).toList());
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> entityManager
                .createQuery("select count(n) from TestNote n where n.text = 'rolled back'", Long.class)
                .getSingleResult()));
    }

    @Test
    void publishingOutsideATransactionIsRefused() {
        assertThrows(RuntimeException.class, () -> outbox.publish(new TestEvent("x", 1)));
    }

    @Test
    void onlyOneRelayMayPublishAtATime() throws Exception {
        awaitCount(publishOne(), 1); // the relay is running and leads
        try (Connection other = DriverManager.getConnection(EmbeddedPostgres.jdbcUrl("linkage"),
                EmbeddedPostgres.username(), EmbeddedPostgres.password());
             ResultSet lock = other.createStatement().executeQuery(
                     "SELECT pg_try_advisory_lock(" + ("linkage-outbox-relay:chassis-test").hashCode() + ")")) {
            lock.next();
            assertFalse(lock.getBoolean(1), "a second relay must not get the lock while the first runs");
        }
    }

    @Test
    void publishedRowsAreMarkedPublished() {
        String subject = publishOne();
        awaitCount(subject, 1);
        long unpublished = Eventually.latest("the row marked published", () -> QuarkusTransaction.requiringNew()
                .call(() -> ((Number) entityManager.createNativeQuery(
                        "SELECT count(*) FROM linkage_outbox WHERE message_key = ?1 AND published_at IS NULL")
                        .setParameter(1, subject).getSingleResult()).longValue()),
                count -> count == 0, Duration.ofSeconds(10));
        assertEquals(0, unpublished);
    }

    @Test
    void theRelayWarmsItsProducerUpWithOneRecordOnTheWarmUpTopicAlone() {
        List<ConsumerRecord<String, String>> warmUps = Eventually.latest("the relay's warm-up record",
                () -> TopicProbe.readAll(Topics.WARM_UP).stream().filter(r -> "chassis-test".equals(r.key())).toList(),
                records -> !records.isEmpty(), Duration.ofSeconds(15));
        assertFalse(warmUps.isEmpty(), "the relay sent no warm-up record");
        ConsumerRecord<String, String> warmUp = warmUps.get(0);
        assertEquals("WarmUp", new String(warmUp.headers().lastHeader("eventType").value(), StandardCharsets.UTF_8));
        assertEquals("{\"warmUp\":\"chassis-test\"}", warmUp.value());
        assertTrue(recordsOf("chassis-test").isEmpty(), "the warm-up wrote to an event topic");
    }

    private String publishOne() {
        String subject = UUID.randomUUID().toString();
        QuarkusTransaction.requiringNew().run(() -> outbox.publish(new TestEvent(subject, 1)));
        return subject;
    }

    private static List<ConsumerRecord<String, String>> recordsOf(String subject) {
        return TopicProbe.readAll(TestEvent.TOPIC).stream().filter(r -> subject.equals(r.key())).toList();
    }

    private static List<EventEnvelope> awaitCount(String subject, int count) {
        List<EventEnvelope> found = Eventually.latest(count + " events of " + subject,
                () -> recordsOf(subject).stream().map(r -> EventJson.read(r.value())).toList(),
                events -> events.size() >= count, Duration.ofSeconds(15));
        assertTrue(found.size() >= count, "expected " + count + " events, got " + found.size());
        return found;
    }
}
