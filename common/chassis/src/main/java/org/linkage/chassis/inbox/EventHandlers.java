package org.linkage.chassis.inbox;

import org.linkage.events.EventEnvelope;

import java.util.HashMap;
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

    private EventHandlers(Map<String, Registration<?>> byType) {
        this.byType = Map.copyOf(byType);
    }

    public static Builder builder() {
        return new Builder();
    }

    Optional<Registration<?>> find(String eventType) {
        return Optional.ofNullable(byType.get(eventType));
    }

    public static final class Builder {
        private final Map<String, Registration<?>> byType = new HashMap<>();

        public <T> Builder on(String eventType, Class<T> payloadType, EventHandler<T> handler) {
            byType.put(eventType, new Registration<>(payloadType, handler));
            return this;
        }

        public <T> Builder on(String eventType, Class<T> payloadType, Consumer<T> handler) {
            return on(eventType, payloadType, (payload, envelope) -> handler.accept(payload));
        }

        public EventHandlers build() {
            return new EventHandlers(byType);
        }
    }
}
