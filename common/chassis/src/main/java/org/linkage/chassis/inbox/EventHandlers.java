package org.linkage.chassis.inbox;

import org.linkage.events.EventEnvelope;
import org.linkage.events.EventJson;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** Which event types a consumer handles, with the payload type each is read as. Types not listed are skipped. */
public final class EventHandlers {

    record Registration<T>(Class<T> payloadType, EventHandler<T> handler) {
        void apply(EventEnvelope envelope, Object payload) {
            handler.handle(payloadType.cast(payload), envelope);
        }
    }

    private final Map<String, Registration<?>> byType;
    private final Consumer<List<EventEnvelope>> beforeBatch;

    private EventHandlers(Map<String, Registration<?>> byType, Consumer<List<EventEnvelope>> beforeBatch) {
        this.byType = Map.copyOf(byType);
        this.beforeBatch = beforeBatch;
    }

    public static Builder builder() {
        return new Builder();
    }

    Optional<Registration<?>> find(String eventType) {
        return Optional.ofNullable(byType.get(eventType));
    }

    void beforeBatch(List<EventEnvelope> batch) {
        beforeBatch.accept(batch);
    }

    public static final class Builder {
        private final Map<String, Registration<?>> byType = new HashMap<>();
        private Consumer<List<EventEnvelope>> beforeBatch = batch -> { };

        public <T> Builder on(String eventType, Class<T> payloadType, EventHandler<T> handler) {
            byType.put(eventType, new Registration<>(payloadType, handler));
            return this;
        }

        public <T> Builder on(String eventType, Class<T> payloadType, Consumer<T> handler) {
            return on(eventType, payloadType, (payload, envelope) -> handler.accept(payload));
        }

        /**
         * Runs first in the transaction of a batch ({@link IdempotentConsumer#consumeAll}), with its events in order,
         * before any effect: to take in one fixed order the locks the effects will take one by one, in the events'
         * order, so that two batches consumed at once cannot each hold a lock the other waits for.
         */
        public Builder beforeBatch(Consumer<List<EventEnvelope>> first) {
            this.beforeBatch = first;
            return this;
        }

        /**
         * Also builds the JSON readers its first event would: consumers are created by RequestPathWarmUp after the
         * start, so this happens there, neither in the start nor on the first event's path.
         */
        public EventHandlers build() {
            EventJson.prepare(byType.values().stream().<Class<?>>map(Registration::payloadType).toList());
            return new EventHandlers(byType, beforeBatch);
        }
    }
}
