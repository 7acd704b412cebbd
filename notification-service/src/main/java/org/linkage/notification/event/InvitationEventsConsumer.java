package org.linkage.notification.event;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.linkage.chassis.inbox.EventHandlers;
import org.linkage.chassis.inbox.IdempotentConsumer;
import org.linkage.events.identity.InvitationIssued;
import org.linkage.notification.service.NotificationService;

/** Sends volunteer-service's invitation codes by SMS (linkage.invitation-events; nothing else reads that topic). */
@ApplicationScoped
public class InvitationEventsConsumer {

    private final IdempotentConsumer consumer;
    private final EventHandlers handlers;

    InvitationEventsConsumer(IdempotentConsumer consumer, NotificationService notifications) {
        this.consumer = consumer;
        this.handlers = EventHandlers.builder()
                .on(InvitationIssued.TYPE, InvitationIssued.class,
                        (invitation, envelope) -> notifications.invite(invitation, envelope.eventId()))
                .build();
    }

    @Incoming("invitation-events")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        consumer.consume(record, handlers);
    }
}
