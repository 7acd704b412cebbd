package org.linkage.chassis;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.linkage.chassis.inbox.EventHandlers;
import org.linkage.chassis.inbox.IdempotentConsumer;
import org.linkage.events.EventEnvelope;
import org.linkage.events.EventJson;
import org.linkage.events.MalformedEventException;
import org.linkage.testing.InfrastructureTestResource;

import java.time.Instant;
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

        assertTrue(consumer.consume(message, writingNotes(calls)));
        assertFalse(consumer.consume(message, writingNotes(calls)));

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

        assertThrows(IllegalStateException.class, () -> consumer.consume(message, failing));
        assertEquals(3, attempts.get());
        assertEquals(0L, notesAbout(subject));

        // Not recorded as processed: once the cause is fixed, the same event takes effect.
        AtomicInteger calls = new AtomicInteger();
        assertTrue(consumer.consume(message, writingNotes(calls)));
        assertEquals(1L, notesAbout(subject));
    }

    @Test
    void unknownTypesAreSkippedAndUnreadableMessagesAreRefused() {
        EventEnvelope known = EventEnvelope.wrap(new TestEvent("x", 1), Instant.now(), null);
        String other = EventJson.write(new EventEnvelope(UUID.randomUUID(), "SomethingNew", 1, Instant.now(),
                "Other", "1", null, known.payload()));
        assertFalse(consumer.consume(other, writingNotes(new AtomicInteger())));
        assertThrows(MalformedEventException.class, () -> consumer.consume("not json", writingNotes(new AtomicInteger())));
        assertThrows(MalformedEventException.class, () -> consumer.consume("{\"eventType\": \"TestEvent\"}",
                writingNotes(new AtomicInteger())));
    }

    private long notesAbout(String subject) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> entityManager
                .createQuery("select count(n) from TestNote n where n.text = :subject", Long.class)
                .setParameter("subject", subject).getSingleResult());
    }
}
