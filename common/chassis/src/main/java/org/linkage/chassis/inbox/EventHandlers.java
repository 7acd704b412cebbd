package org.linkage.chassis.inbox;

import org.linkage.events.EventEnvelope;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/** Which event types a consumer handles, with the payload type each is read as. Types not listed are skipped. */
public final class EventHandlers {

    record Registration<T>(Class<T> payloadType, EventHandler<T> handler) {
        void apply(EventEnvelope envelope, Object payload) {
            handler.handle(payloadType.cast(payload), envelope);
        }
    }

    /** Every payload type a consumer of this service reads, for the warm-up (RequestPathWarmUp) to prepare. */
    private static final Set<Class<?>> READ_HERE = ConcurrentHashMap.newKeySet();

    private final Map<String, Registration<?>> byType;
    private final Consumer<List<EventEnvelope>> beforeBatch;

    private EventHandlers(Map<String, Registration<?>> byType, Consumer<List<EventEnvelope>> beforeBatch) {
        this.byType = Map.copyOf(byType);
        this.beforeBatch = beforeBatch;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The payload types of every EventHandlers built so far in this service. */
    public static Set<Class<?>> payloadTypesReadHere() {
        return Set.copyOf(READ_HERE);
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

        public EventHandlers build() {
            byType.values().forEach(registration -> READ_HERE.add(registration.payloadType()));
            return new EventHandlers(byType, beforeBatch);
        }
    }
}
