package org.linkage.notification.event;

import com.fasterxml.jackson.databind.JsonNode;
import org.linkage.chassis.inbox.EventHandler;
import org.linkage.chassis.inbox.EventHandlers;
import org.linkage.events.EventEnvelope;
import org.linkage.notification.domain.WebhookCatalogue;
import org.linkage.notification.service.WebhookService;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One topic's handlers: each event type's own effect, and for the types integrators may subscribe to, the webhook
 * deliveries, in the same transaction. Catalogue types without an effect of their own get the deliveries alone.
 */
final class TopicHandlers {

    private final String topic;
    private final WebhookService webhooks;
    private final EventHandlers.Builder builder = EventHandlers.builder();
    private final Set<String> handled = new HashSet<>();

    TopicHandlers(String topic, WebhookService webhooks) {
        this.topic = topic;
        this.webhooks = webhooks;
    }

    <T> TopicHandlers on(String eventType, Class<T> payloadType, EventHandler<T> effect) {
        boolean offered = WebhookCatalogue.offers(eventType);
        builder.on(eventType, payloadType, (payload, envelope) -> {
            effect.handle(payload, envelope);
            if (offered) {
                webhooks.enqueue(envelope);
            }
        });
        handled.add(eventType);
        return this;
    }

    /** See {@link EventHandlers.Builder#beforeBatch}. */
    TopicHandlers beforeBatch(Consumer<List<EventEnvelope>> first) {
        builder.beforeBatch(first);
        return this;
    }

    EventHandlers build() {
        WebhookCatalogue.onTopic(topic).stream().filter(type -> !handled.contains(type)).forEach(type ->
                builder.on(type, JsonNode.class, (payload, envelope) -> webhooks.enqueue(envelope)));
        return builder.build();
    }
}
