package org.linkage.notification.event;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.linkage.chassis.inbox.EventHandlers;
import org.linkage.chassis.inbox.IdempotentConsumer;
import org.linkage.events.pairing.PairingPaused;
import org.linkage.events.pairing.PairingReviewDue;
import org.linkage.notification.service.NotificationComposer;
import org.linkage.notification.service.NotificationService;

/**
 * Tells a child's responsible social worker when the volunteer of the child's one-to-one pairing is no longer
 * active, and when its periodic review falls due (linkage.pairing-events; the other pairing steps are the worker's
 * own doing and need no notice).
 */
@ApplicationScoped
public class PairingEventsConsumer {

    private final IdempotentConsumer consumer;
    private final EventHandlers handlers;

    PairingEventsConsumer(IdempotentConsumer consumer, NotificationService notifications) {
        this.consumer = consumer;
        this.handlers = EventHandlers.builder()
                .on(PairingPaused.TYPE, PairingPaused.class, (paused, envelope) ->
                        notifications.notify(NotificationComposer.pairingPaused(paused), envelope.eventId()))
                .on(PairingReviewDue.TYPE, PairingReviewDue.class, (due, envelope) ->
                        notifications.notify(NotificationComposer.pairingReviewDue(due), envelope.eventId()))
                .build();
    }

    @Incoming("pairing-events")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        consumer.consume(record, handlers);
    }
}
