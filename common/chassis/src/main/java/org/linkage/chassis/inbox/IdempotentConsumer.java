package org.linkage.chassis.inbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;
import org.linkage.events.EventEnvelope;
import org.linkage.events.EventJson;
import org.linkage.events.MalformedEventException;

/**
 * Processes an event's effect at most once. The event id is recorded in the same transaction as the effect:
 * if the effect fails, neither is kept and the event is tried again; if the event arrives again after success,
 * the recorded id makes it a no-op. Unknown event types are skipped. What still fails after
 * {@link InboxConfig#maxAttempts()} is rethrown, and the channel's dead-letter strategy takes it off the topic.
 */
@ApplicationScoped
public class IdempotentConsumer {

    private static final Logger LOG = Logger.getLogger(IdempotentConsumer.class);

    private final EntityManager entityManager;
    private final InboxConfig config;
    private final MeterRegistry registry;

    IdempotentConsumer(EntityManager entityManager, InboxConfig config, MeterRegistry registry) {
        this.entityManager = entityManager;
        this.config = config;
        this.registry = registry;
    }

    /** @return true if the effect was applied now, false if skipped (unknown type or seen before) */
    public boolean consume(String message, EventHandlers handlers) {
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
                registry.counter("linkage.events.consumed", "type", envelope.eventType(),
                        "outcome", applied ? "applied" : "duplicate").increment();
                return applied;
            } catch (RuntimeException e) {
                if (attempt >= config.maxAttempts()) {
                    registry.counter("linkage.events.consumed", "type", envelope.eventType(),
                            "outcome", "failed").increment();
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
