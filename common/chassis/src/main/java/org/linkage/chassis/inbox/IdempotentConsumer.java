package org.linkage.chassis.inbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.Header;
import org.jboss.logging.Logger;
import org.linkage.chassis.tracing.TraceContext;
import org.linkage.events.EventEnvelope;
import org.linkage.events.EventJson;
import org.linkage.events.MalformedEventException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Processes an event's effect at most once. The event id is recorded in the same transaction as the effect:
 * if the effect fails, neither is kept and the event is tried again; if the event arrives again after success,
 * the recorded id makes it a no-op. Unknown event types are skipped.
 *
 * <p>A message that can never be read, or whose effect still fails after {@link InboxConfig#maxAttempts()}, is
 * moved to the dead-letter topic and consumption goes on. While the service is stopping, failures (a closed
 * database pool, say) are not the message's fault: the message is then left unacknowledged, so the channel
 * (failure-strategy=fail) stops without committing it, and it is consumed again after the restart.
 *
 * <p>The effect runs in a CONSUMER span whose parent is the trace context the event carries, so the handler's
 * work, and the events it publishes through the outbox, stay in the trace of the request that began it all.
 * Each event is counted as {@code linkage.events.consumed} by type and outcome.
 */
@ApplicationScoped
public class IdempotentConsumer {

    private static final Logger LOG = Logger.getLogger(IdempotentConsumer.class);

    /** Outcomes of {@code linkage.events.consumed}. */
    static final String PROCESSED = "processed";
    static final String DUPLICATE = "duplicate";
    static final String SKIPPED = "skipped";
    static final String DEAD_LETTERED = "dead_lettered";

    private final EntityManager entityManager;
    private final InboxConfig config;
    private final MeterRegistry registry;
    private final DeadLetters deadLetters;
    private final Tracer tracer;
    private volatile boolean stopping;

    IdempotentConsumer(EntityManager entityManager, InboxConfig config, MeterRegistry registry,
                       DeadLetters deadLetters, Tracer tracer) {
        this.entityManager = entityManager;
        this.config = config;
        this.registry = registry;
        this.deadLetters = deadLetters;
        this.tracer = tracer;
    }

    /** Observed before the database pool and Hibernate close. */
    void stopping(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) ShutdownEvent event) {
        stopping = true;
    }

    /**
     * Consumes one Kafka record: applies it, or dead-letters it.
     *
     * @return true if the effect was applied now, false if skipped (unknown type, seen before, dead-lettered)
     */
    public boolean consume(ConsumerRecord<String, String> record, EventHandlers handlers) {
        if (notHandledHere(record, handlers)) {
            return false;
        }
        try {
            return apply(record.value(), handlers);
        } catch (RuntimeException e) {
            if (stopping) {
                throw e;
            }
            deadLetters.send(record, e);
            count(eventTypeOf(record), DEAD_LETTERED);
            return false;
        }
    }

    /**
     * Consumes a poll's records with one commit for all: their effects in one transaction, in the records' order,
     * each event still once. One commit instead of one per record is what lets a consumer keep up with hundreds of
     * events a second. Should the batch fail (one event's effect throws), nothing of it is kept and its records are
     * consumed again one at a time, so that only the failing one is retried and dead-lettered.
     */
    public void consumeAll(ConsumerRecords<String, String> records, EventHandlers handlers) {
        List<ConsumerRecord<String, String>> batch = new ArrayList<>(records.count());
        records.forEach(batch::add);
        consumeAll(batch, handlers);
    }

    /** The same, for records already in a list. */
    public void consumeAll(List<ConsumerRecord<String, String>> records, EventHandlers handlers) {
        if (records.size() == 1) {
            consume(records.get(0), handlers);
            return;
        }
        List<Pending> batch = new ArrayList<>(records.size());
        List<ConsumerRecord<String, String>> alone = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            if (notHandledHere(record, handlers)) {
                continue;
            }
            try {
                EventEnvelope envelope = EventJson.read(record.value());
                var registration = handlers.find(envelope.eventType());
                if (registration.isEmpty()) {
                    count(envelope.eventType(), SKIPPED);
                } else {
                    batch.add(new Pending(record, envelope, registration.get(),
                            readPayload(envelope, registration.get().payloadType())));
                }
            } catch (RuntimeException unreadable) {
                alone.add(record); // dead-lettered by consume, with its reason
            }
        }
        alone.forEach(record -> consume(record, handlers));
        if (batch.isEmpty()) {
            return;
        }
        List<String> outcomes;
        try {
            outcomes = QuarkusTransaction.requiringNew().call(() -> {
                handlers.beforeBatch(batch.stream().map(Pending::envelope).toList());
                return applyAll(batch);
            });
        } catch (RuntimeException e) {
            if (stopping) {
                throw e;
            }
            LOG.warnf("A batch of %d events failed (%s); consuming them one at a time", batch.size(), e.toString());
            batch.forEach(pending -> consume(pending.record(), handlers));
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            count(batch.get(i).envelope().eventType(), outcomes.get(i));
        }
    }

    /** A record of a batch, read and with its handler found. */
    private record Pending(ConsumerRecord<String, String> record, EventEnvelope envelope,
                           EventHandlers.Registration<?> registration, Object payload) {
    }

    /**
     * Each event's writes are flushed, and the persistence context emptied, before the next event: every query
     * flushes first, and Hibernate's flush checks every entity the context holds, so a context kept over a batch of
     * n events costs n² checks. The writes stay in the batch's one transaction.
     */
    private List<String> applyAll(List<Pending> batch) {
        Set<UUID> claimed = claimAll(batch.stream().map(Pending::envelope).toList());
        List<String> outcomes = new ArrayList<>(batch.size());
        for (Pending pending : batch) {
            outcomes.add(inSpan(pending.envelope(), () -> {
                // Removed once applied: a second copy of an event in the same batch is a duplicate too.
                if (!claimed.remove(pending.envelope().eventId())) {
                    return DUPLICATE;
                }
                pending.registration().apply(pending.envelope(), pending.payload());
                entityManager.flush();
                entityManager.clear();
                return PROCESSED;
            }));
        }
        return outcomes;
    }

    /**
     * Claims events in one statement (a batch's in one round trip, not one per event): the ids not seen before. A
     * concurrent duplicate blocks on the primary key until the first commits, then finds the row.
     */
    private Set<UUID> claimAll(List<EventEnvelope> envelopes) {
        List<?> claimed = entityManager.createNativeQuery("""
                        INSERT INTO linkage_processed_event (event_id, event_type)
                        SELECT * FROM unnest(CAST(?1 AS UUID[]), CAST(?2 AS TEXT[]))
                        ON CONFLICT (event_id) DO NOTHING RETURNING event_id""", UUID.class)
                .setParameter(1, envelopes.stream().map(EventEnvelope::eventId).toArray(UUID[]::new))
                .setParameter(2, envelopes.stream().map(EventEnvelope::eventType).toArray(String[]::new))
                .getResultList();
        Set<UUID> ids = new HashSet<>();
        claimed.forEach(id -> ids.add((UUID) id));
        return ids;
    }

    /**
     * Applies one message's effect once, retrying transient failures.
     *
     * @throws MalformedEventException when the message can never be processed
     */
    public boolean apply(String message, EventHandlers handlers) {
        EventEnvelope envelope = EventJson.read(message);
        String outcome = inSpan(envelope, () -> applyOnce(envelope, handlers));
        count(envelope.eventType(), outcome);
        return PROCESSED.equals(outcome);
    }

    /** Runs an event's processing in its CONSUMER span, a child of the context the event carries. */
    private String inSpan(EventEnvelope envelope, Supplier<String> processing) {
        Span span = tracer.spanBuilder(envelope.eventType() + " process")
                .setSpanKind(SpanKind.CONSUMER)
                .setParent(TraceContext.parentOf(envelope.traceparent()))
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "process")
                .setAttribute("messaging.message.id", envelope.eventId().toString())
                .setAttribute("linkage.event.type", envelope.eventType())
                .startSpan();
        try (Scope ignored = span.makeCurrent()) {
            String outcome = processing.get();
            span.setAttribute("linkage.event.outcome", outcome);
            return outcome;
        } catch (RuntimeException e) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
            throw e;
        } finally {
            span.end();
        }
    }

    private String applyOnce(EventEnvelope envelope, EventHandlers handlers) {
        var registration = handlers.find(envelope.eventType());
        if (registration.isEmpty()) {
            LOG.debugf("Skipping %s %s: not handled here", envelope.eventType(), envelope.eventId());
            return SKIPPED;
        }
        Object payload = readPayload(envelope, registration.get().payloadType());
        for (int attempt = 1; ; attempt++) {
            try {
                boolean applied = QuarkusTransaction.requiringNew().call(() -> {
                    if (claimAll(List.of(envelope)).isEmpty()) {
                        return false;
                    }
                    registration.get().apply(envelope, payload);
                    return true;
                });
                return applied ? PROCESSED : DUPLICATE;
            } catch (MalformedEventException e) {
                throw e; // can never succeed: not retried
            } catch (RuntimeException e) {
                if (attempt >= config.maxAttempts() || stopping) {
                    LOG.errorf(e, "Giving up on %s %s after %d attempts", envelope.eventType(),
                            envelope.eventId(), attempt);
                    throw e;
                }
                LOG.warnf("Attempt %d of %s %s failed, retrying: %s", attempt, envelope.eventType(),
                        envelope.eventId(), e.toString());
                sleep(config.retryBackoff().toMillis() << (attempt - 1));
            }
        }
    }

    private void count(String eventType, String outcome) {
        registry.counter("linkage.events.consumed", "type", eventType, "outcome", outcome).increment();
    }

    /**
     * Skips, unread, a record whose type header (set by every relay) names an event these handlers do not take: a
     * service reading a shared topic for one event type would otherwise parse every other event of it.
     */
    private boolean notHandledHere(ConsumerRecord<String, String> record, EventHandlers handlers) {
        String eventType = typeHeader(record);
        if (eventType == null || handlers.find(eventType).isPresent()) {
            return false;
        }
        count(eventType, SKIPPED);
        return true;
    }

    /** From the header the relay sets, since a dead-lettered message may not be readable at all. */
    private static String eventTypeOf(ConsumerRecord<String, String> record) {
        String eventType = typeHeader(record);
        return eventType == null ? "unknown" : eventType;
    }

    private static String typeHeader(ConsumerRecord<String, String> record) {
        Header header = record.headers().lastHeader("eventType");
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static Object readPayload(EventEnvelope envelope, Class<?> type) {
        try {
            return envelope.payloadAs(type);
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException("payload of " + envelope.eventType() + " " + envelope.eventId()
                    + " is not readable: " + e.getMessage());
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
