package org.linkage.chassis.inbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;
import org.linkage.events.EventEnvelope;
import org.linkage.events.EventJson;
import org.linkage.events.MalformedEventException;

/**
 * Processes an event's effect at most once. The event id is recorded in the same transaction as the effect:
 * if the effect fails, neither is kept and the event is tried again; if the event arrives again after success,
 * the recorded id makes it a no-op. Unknown event types are skipped.
 *
 * <p>A message that can never be read, or whose effect still fails after {@link InboxConfig#maxAttempts()}, is
 * moved to the dead-letter topic and consumption goes on. While the service is stopping, failures (a closed
 * database pool, say) are not the message's fault: the message is then left unacknowledged, so the channel
 * (failure-strategy=fail) stops without committing it, and it is consumed again after the restart.
 */
@ApplicationScoped
public class IdempotentConsumer {

    private static final Logger LOG = Logger.getLogger(IdempotentConsumer.class);

    private final EntityManager entityManager;
    private final InboxConfig config;
    private final MeterRegistry registry;
    private final DeadLetters deadLetters;
    private volatile boolean stopping;

    IdempotentConsumer(EntityManager entityManager, InboxConfig config, MeterRegistry registry,
                       DeadLetters deadLetters) {
        this.entityManager = entityManager;
        this.config = config;
        this.registry = registry;
        this.deadLetters = deadLetters;
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
        try {
            return apply(record.value(), handlers);
        } catch (RuntimeException e) {
            if (stopping) {
                throw e;
            }
            deadLetters.send(record, e);
            return false;
        }
    }

    /**
     * Applies one message's effect once, retrying transient failures.
     *
     * @throws MalformedEventException when the message can never be processed
     */
    public boolean apply(String message, EventHandlers handlers) {
        EventEnvelope envelope = EventJson.read(message);
        var registration = handlers.find(envelope.eventType());
        if (registration.isEmpty()) {
            LOG.debugf("Skipping %s %s: not handled here", envelope.eventType(), envelope.eventId());
            return false;
        }
        Object payload = readPayload(envelope, registration.get().payloadType());
        for (int attempt = 1; ; attempt++) {
            try {
                boolean applied = QuarkusTransaction.requiringNew().call(() -> {
                    if (!claim(envelope)) {
                        return false;
                    }
                    registration.get().apply(envelope, payload);
                    return true;
                });
                count(envelope, applied ? "applied" : "duplicate");
                return applied;
            } catch (MalformedEventException e) {
                count(envelope, "malformed");
                throw e;
            } catch (RuntimeException e) {
                if (attempt >= config.maxAttempts() || stopping) {
                    count(envelope, "failed");
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

    private void count(EventEnvelope envelope, String outcome) {
        registry.counter("linkage.events.consumed", "type", envelope.eventType(), "outcome", outcome).increment();
    }

    private boolean claim(EventEnvelope envelope) {
        // A concurrent duplicate blocks on the primary key until the first commits, then finds the row.
        return entityManager.createNativeQuery("""
                        INSERT INTO linkage_processed_event (event_id, event_type) VALUES (?1, ?2)
                        ON CONFLICT (event_id) DO NOTHING""")
                .setParameter(1, envelope.eventId())
                .setParameter(2, envelope.eventType())
                .executeUpdate() == 1;
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
