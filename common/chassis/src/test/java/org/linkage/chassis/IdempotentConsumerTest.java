package org.linkage.chassis;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Test;
import org.linkage.chassis.inbox.EventHandlers;
import org.linkage.chassis.inbox.IdempotentConsumer;
import org.linkage.events.EventEnvelope;
import org.linkage.events.EventJson;
import org.linkage.events.MalformedEventException;
import org.linkage.events.Topics;
import org.linkage.testing.InfrastructureTestResource;
import org.linkage.testing.TopicProbe;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
class IdempotentConsumerTest {

    @Inject
    IdempotentConsumer consumer;

    @Inject
    EntityManager entityManager;

    private EventHandlers writingNotes(AtomicInteger calls) {
        return EventHandlers.builder()
                .on(TestEvent.TYPE, TestEvent.class, (event, envelope) -> {
                    calls.incrementAndGet();
                    TestNote note = new TestNote();
                    note.id = UUID.randomUUID();
                    note.text = event.subject();
                    entityManager.persist(note);
                })
                .build();
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        String subject = UUID.randomUUID().toString();
        String message = EventJson.write(EventEnvelope.wrap(new TestEvent(subject, 1), Instant.now(), null));
        AtomicInteger calls = new AtomicInteger();

        assertTrue(consumer.apply(message, writingNotes(calls)));
        assertFalse(consumer.apply(message, writingNotes(calls)));

        assertEquals(1, calls.get());
        assertEquals(1L, notesAbout(subject));
    }

    @Test
    void aFailingEffectIsRetriedThenRethrownAndLeavesNoTrace() {
        String subject = UUID.randomUUID().toString();
        String message = EventJson.write(EventEnvelope.wrap(new TestEvent(subject, 1), Instant.now(), null));
        AtomicInteger attempts = new AtomicInteger();
        EventHandlers failing = EventHandlers.builder()
                .on(TestEvent.TYPE, TestEvent.class, (event, envelope) -> {
                    attempts.incrementAndGet();
                    TestNote note = new TestNote();
                    note.id = UUID.randomUUID();
                    note.text = event.subject();
                    entityManager.persist(note);
                    entityManager.flush();
                    throw new IllegalStateException("downstream rule failed");
                })
                .build();

        assertThrows(IllegalStateException.class, () -> consumer.apply(message, failing));
        assertEquals(3, attempts.get());
        assertEquals(0L, notesAbout(subject));

        // Not recorded as processed: once the cause is fixed, the same event takes effect.
        AtomicInteger calls = new AtomicInteger();
        assertTrue(consumer.apply(message, writingNotes(calls)));
        assertEquals(1L, notesAbout(subject));
    }

    @Test
    void unknownTypesAreSkippedAndUnreadableMessagesAreRefused() {
        EventEnvelope known = EventEnvelope.wrap(new TestEvent("x", 1), Instant.now(), null);
        String other = EventJson.write(new EventEnvelope(UUID.randomUUID(), "SomethingNew", 1, Instant.now(),
                "Other", "1", null, known.payload()));
        assertFalse(consumer.apply(other, writingNotes(new AtomicInteger())));
        assertThrows(MalformedEventException.class, () -> consumer.apply("not json", writingNotes(new AtomicInteger())));
        assertThrows(MalformedEventException.class, () -> consumer.apply("{\"eventType\": \"TestEvent\"}",
                writingNotes(new AtomicInteger())));
    }

    /** The relay's type header lets a service pass over another service's events without reading them. */
    @Test
    void aRecordWhoseTypeHeaderNoHandlerTakesIsSkippedUnreadNotDeadLettered() {
        String value = "not json " + UUID.randomUUID();
        ConsumerRecord<String, String> other = new ConsumerRecord<>("linkage.some-events", 1, 7L, "key-2", value);
        other.headers().add(new RecordHeader("eventType", "SomeoneElsesEvent".getBytes(StandardCharsets.UTF_8)));
        AtomicInteger calls = new AtomicInteger();

        assertFalse(consumer.consume(other, writingNotes(calls)));
        consumer.consumeAll(List.of(other, other), writingNotes(calls));

        assertEquals(0, calls.get());
        assertTrue(TopicProbe.readAll(Topics.deadLetter("chassis-test")).stream()
                .noneMatch(r -> r.value().equals(value)));
    }

    @Test
    void aMessageThatCanNeverBeProcessedIsDeadLetteredWithItsOrigin() {
        ConsumerRecord<String, String> poison = new ConsumerRecord<>("linkage.some-events", 2, 42L, "key-1", "not json");
        assertFalse(consumer.consume(poison, writingNotes(new AtomicInteger())));

        List<ConsumerRecord<String, String>> letters = TopicProbe.readAll(Topics.deadLetter("chassis-test")).stream()
                .filter(r -> r.value().equals("not json")).toList();
        assertEquals(1, letters.size());
        assertEquals("key-1", letters.get(0).key());
        assertEquals("linkage.some-events", header(letters.get(0), "dead-letter-topic"));
        assertEquals("42", header(letters.get(0), "dead-letter-offset"));
        assertEquals(MalformedEventException.class.getName(), header(letters.get(0), "dead-letter-cause"));
    }

    @Test
    void anEventItsHandlerCallsMalformedIsNotRetried() {
        String message = EventJson.write(EventEnvelope.wrap(new TestEvent("x", 1), Instant.now(), null));
        AtomicInteger attempts = new AtomicInteger();
        EventHandlers refusing = EventHandlers.builder()
                .on(TestEvent.TYPE, TestEvent.class, event -> {
                    attempts.incrementAndGet();
                    throw new MalformedEventException("lacks what this service needs");
                })
                .build();
        assertThrows(MalformedEventException.class, () -> consumer.apply(message, refusing));
        assertEquals(1, attempts.get());
    }

    @Test
    void aBatchTakesEffectOnceInOrderAndSkipsWhatWasSeenBefore() {
        String subject = UUID.randomUUID().toString();
        String seen = EventJson.write(EventEnvelope.wrap(new TestEvent(subject + "-0", 0), Instant.now(), null));
        AtomicInteger calls = new AtomicInteger();
        assertTrue(consumer.apply(seen, writingNotes(calls)));
        List<String> order = new java.util.concurrent.CopyOnWriteArrayList<>();
        EventHandlers noting = EventHandlers.builder()
                .on(TestEvent.TYPE, TestEvent.class, (event, envelope) -> {
                    order.add(event.subject());
                    TestNote note = new TestNote();
                    note.id = UUID.randomUUID();
                    note.text = subject;
                    entityManager.persist(note);
                })
                .build();
        List<ConsumerRecord<String, String>> batch = new java.util.ArrayList<>();
        batch.add(record(0, seen));
        for (int i = 1; i <= 3; i++) {
            batch.add(record(i, EventJson.write(EventEnvelope.wrap(new TestEvent(subject + "-" + i, i), Instant.now(),
                    null))));
        }
        batch.add(record(4, batch.get(2).value())); // the same event twice in one poll

        consumer.consumeAll(batch, noting);

        assertEquals(List.of(subject + "-1", subject + "-2", subject + "-3"), order);
        assertEquals(3L, notesAbout(subject));
    }

    @Test
    void aBatchWithAFailingEffectKeepsTheOthersAndDeadLettersOnlyTheFailingOne() {
        String subject = UUID.randomUUID().toString();
        EventHandlers failingOnTwo = EventHandlers.builder()
                .on(TestEvent.TYPE, TestEvent.class, (event, envelope) -> {
                    if (event.subject().endsWith("-2")) {
                        throw new IllegalStateException("downstream rule failed");
                    }
                    TestNote note = new TestNote();
                    note.id = UUID.randomUUID();
                    note.text = subject;
                    entityManager.persist(note);
                })
                .build();
        List<ConsumerRecord<String, String>> batch = new java.util.ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            batch.add(record(100 + i, EventJson.write(EventEnvelope.wrap(new TestEvent(subject + "-" + i, i),
                    Instant.now(), null))));
        }
        batch.add(record(104, "not json: " + subject));

        consumer.consumeAll(batch, failingOnTwo);

        assertEquals(2L, notesAbout(subject), "the first and third took effect once each");
        List<ConsumerRecord<String, String>> letters = TopicProbe.readAll(Topics.deadLetter("chassis-test")).stream()
                .filter(r -> r.value().contains(subject)).toList();
        assertEquals(2, letters.size(), "the failing event and the unreadable message");
    }

    @Test
    void beforeBatchSeesTheWholeBatchFirstInItsTransaction() {
        String subject = UUID.randomUUID().toString();
        List<String> order = new java.util.concurrent.CopyOnWriteArrayList<>();
        EventHandlers handlers = EventHandlers.builder()
                .beforeBatch(envelopes -> {
                    envelopes.forEach(envelope -> order.add("before " + envelope.payload().get("subject").asText()));
                    TestNote note = new TestNote();
                    note.id = UUID.randomUUID();
                    note.text = subject;
                    entityManager.persist(note);
                })
                .on(TestEvent.TYPE, TestEvent.class, (event, envelope) -> order.add(event.subject()))
                .build();
        List<ConsumerRecord<String, String>> batch = new java.util.ArrayList<>();
        for (int i = 1; i <= 2; i++) {
            batch.add(record(200 + i, EventJson.write(EventEnvelope.wrap(new TestEvent(subject + "-" + i, i),
                    Instant.now(), null))));
        }

        consumer.consumeAll(batch, handlers);

        assertEquals(List.of("before " + subject + "-1", "before " + subject + "-2", subject + "-1", subject + "-2"),
                order);
        assertEquals(1L, notesAbout(subject), "written in the batch's transaction, committed with it");
    }

    private static ConsumerRecord<String, String> record(long offset, String value) {
        return new ConsumerRecord<>("linkage.batch-events", 0, offset, "key", value);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), java.nio.charset.StandardCharsets.UTF_8);
    }

    private long notesAbout(String subject) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> entityManager
                .createQuery("select count(n) from TestNote n where n.text = :subject", Long.class)
                .setParameter("subject", subject).getSingleResult());
    }
}
