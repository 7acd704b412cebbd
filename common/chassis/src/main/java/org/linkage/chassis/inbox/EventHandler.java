package org.linkage.chassis.inbox;

import org.linkage.events.EventEnvelope;

/** Applies one event's effect; runs inside the transaction that records the event as processed. */
@FunctionalInterface
public interface EventHandler<T> {
    void handle(T payload, EventEnvelope envelope);
}
