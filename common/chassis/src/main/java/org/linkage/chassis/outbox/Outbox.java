package org.linkage.chassis.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.hibernate.query.NativeQuery;
import org.linkage.chassis.tracing.TraceContext;
import org.linkage.events.DomainEvent;
import org.linkage.events.EventEnvelope;
import org.linkage.events.EventJson;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

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
        return publishAllWith(List.of(), events);
    }

    /**
     * Records events in one statement with the caller's own inserts of the state they announce: a state change and
     * its events in one round trip. The inserts are not seen by the persistence context; a caller that goes on
     * changing those rows reads them first.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<EventEnvelope> publishAllWith(List<Insert> inserts, List<? extends DomainEvent> events) {
        if (events.isEmpty()) {
            if (!inserts.isEmpty()) {
                throw new IllegalArgumentException("State written with the outbox announces itself by an event");
            }
            return List.of();
        }
        Instant now = Instant.now();
        String traceparent = TraceContext.currentTraceparent();
        List<EventEnvelope> envelopes = events.stream().map(event -> EventEnvelope.wrap(event, now, traceparent))
                .toList();
        boolean wake = transactions.getResource(CHANNEL) == null;
        List<Insert.Value<?>> values = new ArrayList<>();
        StringBuilder sql = new StringBuilder("WITH ");
        for (int i = 0; i < inserts.size(); i++) {
            Insert insert = inserts.get(i);
            sql.append("state").append(i).append(" AS (").append(numbered(insert.sql(), values.size() + 1))
                    .append("), ");
            values.addAll(insert.values());
        }
        sql.append("""
                inserted AS (
                    INSERT INTO linkage_outbox (event_id, topic, message_key, event_type, payload, traceparent)
                    VALUES\s""");
        for (int i = 0; i < envelopes.size(); i++) {
            EventEnvelope envelope = envelopes.get(i);
            sql.append(i == 0 ? "" : ", ").append(numbered("(?, ?, ?, ?, ?, ?)", values.size() + 1));
            values.add(Insert.value(envelope.eventId(), UUID.class));
            values.add(Insert.value(events.get(i).topic(), String.class));
            values.add(Insert.value(envelope.aggregateId(), String.class));
            values.add(Insert.value(envelope.eventType(), String.class));
            values.add(Insert.value(EventJson.write(envelope), String.class));
            values.add(Insert.value(traceparent, String.class));
        }
        sql.append(" RETURNING 1) SELECT CAST(count(*) AS TEXT)")
                .append(wake ? " || CAST(pg_notify('" + CHANNEL + "', '') AS TEXT)" : "").append(" FROM inserted");
        NativeQuery<?> statement = entityManager.createNativeQuery(sql.toString()).unwrap(NativeQuery.class);
        for (int i = 0; i < values.size(); i++) {
            bind(statement, i + 1, values.get(i));
        }
        statement.getSingleResult();
        if (wake) {
            transactions.putResource(CHANNEL, Boolean.TRUE);
        }
        return envelopes;
    }

    /**
     * An INSERT of the caller's that goes into the events' statement (as a data-modifying WITH query). Its
     * placeholders are plain {@code ?}, bound in order to its values; each value names its type, as a null's type
     * cannot be told from it. A JSON column takes its text: {@code CAST(? AS jsonb)}.
     */
    public record Insert(String sql, List<Value<?>> values) {

        public Insert {
            long placeholders = sql.chars().filter(c -> c == '?').count();
            if (placeholders != values.size()) {
                throw new IllegalArgumentException(placeholders + " placeholders, " + values.size() + " values");
            }
            values = List.copyOf(values);
        }

        public record Value<T>(T value, Class<T> type) {
        }

        public static <T> Value<T> value(T value, Class<T> type) {
            return new Value<>(value, type);
        }
    }

    /** Plain placeholders numbered from {@code first}: Hibernate binds ordinal ones ({@code ?1}). */
    private static String numbered(String sql, int first) {
        StringBuilder numbered = new StringBuilder(sql.length() + 16);
        int next = first;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            numbered.append(c);
            if (c == '?') {
                numbered.append(next++);
            }
        }
        return numbered.toString();
    }

    private static <T> void bind(NativeQuery<?> statement, int position, Insert.Value<T> value) {
        statement.setParameter(position, value.value(), value.type());
    }
}
