package org.linkage.chassis.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.linkage.chassis.tracing.TraceContext;
import org.linkage.events.DomainEvent;
import org.linkage.events.EventEnvelope;
import org.linkage.events.EventJson;

import java.time.Instant;

/**
 * Records an event in the caller's transaction. The event is published by {@link OutboxRelay} only if that
 * transaction commits, so a state change and its event happen together or not at all. The event carries the
 * current trace context, so that its consumers continue the trace of the request that caused it.
 */
@ApplicationScoped
public class Outbox {

    /** The relay LISTENs on this channel; PostgreSQL delivers the NOTIFY only when the transaction commits. */
    static final String CHANNEL = "linkage_outbox";

    private final EntityManager entityManager;
    private final TransactionSynchronizationRegistry transactions;

    Outbox(EntityManager entityManager, TransactionSynchronizationRegistry transactions) {
        this.entityManager = entityManager;
        this.transactions = transactions;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public EventEnvelope publish(DomainEvent event) {
        EventEnvelope envelope = EventEnvelope.wrap(event, Instant.now(), TraceContext.currentTraceparent());
        entityManager.createNativeQuery("""
                        INSERT INTO linkage_outbox (event_id, topic, message_key, event_type, payload, traceparent)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6)""")
                .setParameter(1, envelope.eventId())
                .setParameter(2, event.topic())
                .setParameter(3, envelope.aggregateId())
                .setParameter(4, envelope.eventType())
                .setParameter(5, EventJson.write(envelope))
                .setParameter(6, envelope.traceparent())
                .executeUpdate();
        // One wake-up per transaction is enough, however many events it records: a NOTIFY costs a round trip.
        if (transactions.getResource(CHANNEL) == null) {
            entityManager.createNativeQuery("NOTIFY " + CHANNEL).executeUpdate();
            transactions.putResource(CHANNEL, Boolean.TRUE);
        }
        return envelope;
    }
}
