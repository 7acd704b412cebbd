package org.linkage.notification.event;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.linkage.chassis.inbox.EventHandlers;
import org.linkage.chassis.inbox.IdempotentConsumer;
import org.linkage.events.Topics;
import org.linkage.events.assignment.AssignmentAccepted;
import org.linkage.events.assignment.AssignmentExpired;
import org.linkage.events.assignment.AssignmentOffered;
import org.linkage.events.assignment.AssignmentStoodDown;
import org.linkage.events.assignment.AssignmentWithdrawn;
import org.linkage.events.assignment.NeedUnmatched;
import org.linkage.notification.domain.NotificationKind;
import org.linkage.notification.service.NotificationComposer;
import org.linkage.notification.service.NotificationService;
import org.linkage.notification.service.WebhookService;

/**
 * Tells people what matching did: the volunteer about an offer and about an offer closed without their answer,
 * the social worker about the outcome; and integrators who subscribed.
 * A decline concerns nobody yet (matching moves on by itself), so AssignmentDeclined goes to webhooks only.
 */
@ApplicationScoped
public class AssignmentEventsConsumer {

    private final IdempotentConsumer consumer;
    private final EventHandlers handlers;

    AssignmentEventsConsumer(IdempotentConsumer consumer, NotificationService notifications,
                             WebhookService webhooks) {
        this.consumer = consumer;
        this.handlers = new TopicHandlers(Topics.ASSIGNMENT_EVENTS, webhooks)
                .on(AssignmentOffered.TYPE, AssignmentOffered.class, (offer, envelope) ->
                        notifications.notify(NotificationComposer.offerReceived(offer), envelope.eventId()))
                .on(AssignmentAccepted.TYPE, AssignmentAccepted.class, (accepted, envelope) ->
                        notifications.notify(NotificationComposer.assignmentConfirmed(accepted),
                                envelope.eventId()))
                .on(NeedUnmatched.TYPE, NeedUnmatched.class, (unmatched, envelope) ->
                        notifications.notify(NotificationComposer.needUnmatched(unmatched), envelope.eventId()))
                .on(AssignmentExpired.TYPE, AssignmentExpired.class, (expired, envelope) ->
                        notifications.notify(NotificationComposer.offerClosed(NotificationKind.OFFER_EXPIRED,
                                expired.assignmentId(), expired.needId(), expired.volunteerId()), envelope.eventId()))
                .on(AssignmentWithdrawn.TYPE, AssignmentWithdrawn.class, (withdrawn, envelope) ->
                        notifications.notify(NotificationComposer.offerClosed(NotificationKind.OFFER_WITHDRAWN,
                                withdrawn.assignmentId(), withdrawn.needId(), withdrawn.volunteerId()),
                                envelope.eventId()))
                .on(AssignmentStoodDown.TYPE, AssignmentStoodDown.class, (stoodDown, envelope) ->
                        notifications.notify(NotificationComposer.offerClosed(NotificationKind.STOOD_DOWN,
                                stoodDown.assignmentId(), stoodDown.needId(), stoodDown.volunteerId()),
                                envelope.eventId()))
                .build();
    }

    @Incoming("assignment-events")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        consumer.consume(record, handlers);
    }
}
