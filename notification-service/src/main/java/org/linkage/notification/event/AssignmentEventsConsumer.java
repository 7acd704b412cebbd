package org.linkage.notification.event;

import io.smallrye.common.annotation.Blocking;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.linkage.chassis.inbox.EventHandlers;
import org.linkage.chassis.inbox.IdempotentConsumer;
import org.linkage.events.assignment.AssignmentAccepted;
import org.linkage.events.assignment.AssignmentOffered;
import org.linkage.events.assignment.NeedUnmatched;
import org.linkage.notification.service.NotificationComposer;
import org.linkage.notification.service.NotificationService;

/**
 * Tells people what matching did: the volunteer about an offer, the social worker about the outcome.
 * A decline concerns nobody yet (matching moves on by itself), so AssignmentDeclined is not handled.
 */
@ApplicationScoped
public class AssignmentEventsConsumer {

    private final IdempotentConsumer consumer;
    private final EventHandlers handlers;

    AssignmentEventsConsumer(IdempotentConsumer consumer, NotificationService notifications) {
        this.consumer = consumer;
        this.handlers = EventHandlers.builder()
                .on(AssignmentOffered.TYPE, AssignmentOffered.class, (offer, envelope) ->
                        notifications.notify(NotificationComposer.offerReceived(offer), envelope.eventId()))
                .on(AssignmentAccepted.TYPE, AssignmentAccepted.class, (accepted, envelope) ->
                        notifications.notify(NotificationComposer.assignmentConfirmed(accepted),
                                envelope.eventId()))
                .on(NeedUnmatched.TYPE, NeedUnmatched.class, (unmatched, envelope) ->
                        notifications.notify(NotificationComposer.needUnmatched(unmatched), envelope.eventId()))
                .build();
    }

    @Incoming("assignment-events")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        consumer.consume(record, handlers);
    }
}
