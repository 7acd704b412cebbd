package org.linkage.events;

/**
 * A fact that happened in one service and that others may react to. Implementations are immutable records
 * with a static factory; the envelope around them is built by {@link EventEnvelope#wrap}.
 */
public interface DomainEvent {

    /** The event type name, also the name of its JSON Schema. */
    String eventType();

    /** Bumped only for incompatible payload changes; consumers tolerate extra fields. */
    default int schemaVersion() {
        return 1;
    }

    /** The kind of thing the event is about, e.g. {@code Volunteer}. */
    String aggregateType();

    /** The Kafka key: every event of one aggregate lands on one partition, so they stay in order. */
    String aggregateId();

    /** The topic the event is published to. */
    String topic();
}
