package org.linkage.events;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.UUID;

/**
 * The one envelope every event travels in, as the Kafka record value. The record key is {@link #aggregateId}.
 *
 * @param traceparent W3C trace context of the request that caused the event, when there was one
 */
public record EventEnvelope(
        UUID eventId,
        String eventType,
        int schemaVersion,
        Instant occurredAt,
        String aggregateType,
        String aggregateId,
        String traceparent,
        JsonNode payload) {

    public static EventEnvelope wrap(DomainEvent event, Instant occurredAt, String traceparent) {
        return new EventEnvelope(UUID.randomUUID(), event.eventType(), event.schemaVersion(), occurredAt,
                event.aggregateType(), event.aggregateId(), traceparent, EventJson.MAPPER.valueToTree(event));
    }

    /** The payload as the given record type; unknown fields are ignored so that producers can add fields. */
    public <T> T payloadAs(Class<T> type) {
        return EventJson.MAPPER.convertValue(payload, type);
    }
}
