package org.linkage.chassis.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.linkage.chassis.tracing.TraceContext;
import org.linkage.events.DomainEvent;
import org.linkage.events.EventEnvelope;
import org.linkage.events.EventJson;

import java.time.Instant;
import java.util.List;

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
        return publishAll(List.of(event)).get(0);
    }

    /**
     * Records events in one statement, the relay's wake-up included (one NOTIFY per transaction, however many events
     * it records): one round trip to PostgreSQL, not one per event and one more for the NOTIFY (an emergency's
     * offers are on its critical path). In the list's order.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<EventEnvelope> publishAll(List<? extends DomainEvent> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        Instant now = Instant.now();
        String traceparent = TraceContext.currentTraceparent();
        List<EventEnvelope> envelopes = events.stream().map(event -> EventEnvelope.wrap(event, now, traceparent))
                .toList();
        boolean wake = transactions.getResource(CHANNEL) == null;
        StringBuilder sql = new StringBuilder("""
                WITH inserted AS (
                    INSERT INTO linkage_outbox (event_id, topic, message_key, event_type, payload, traceparent)
                    VALUES\s""");
        for (int i = 0; i < envelopes.size(); i++) {
            int p = i * 6;
            sql.append(i == 0 ? "" : ", ").append("(?%d, ?%d, ?%d, ?%d, ?%d, ?%d)"
                    .formatted(p + 1, p + 2, p + 3, p + 4, p + 5, p + 6));
        }
        sql.append(" RETURNING 1) SELECT CAST(count(*) AS TEXT)")
                .append(wake ? " || CAST(pg_notify('" + CHANNEL + "', '') AS TEXT)" : "").append(" FROM inserted");
        Query insert = entityManager.createNativeQuery(sql.toString());
        for (int i = 0; i < envelopes.size(); i++) {
            EventEnvelope envelope = envelopes.get(i);
            int p = i * 6;
            insert.setParameter(p + 1, envelope.eventId())
                    .setParameter(p + 2, events.get(i).topic())
                    .setParameter(p + 3, envelope.aggregateId())
                    .setParameter(p + 4, envelope.eventType())
                    .setParameter(p + 5, EventJson.write(envelope))
                    .setParameter(p + 6, traceparent);
        }
        insert.getSingleResult();
        if (wake) {
            transactions.putResource(CHANNEL, Boolean.TRUE);
        }
        return envelopes;
    }
}
