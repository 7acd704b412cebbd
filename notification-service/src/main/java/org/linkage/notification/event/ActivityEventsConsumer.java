package org.linkage.notification.event;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.linkage.chassis.inbox.EventHandlers;
import org.linkage.chassis.inbox.IdempotentConsumer;
import org.linkage.events.Topics;
import org.linkage.events.activity.ActivityCancelled;
import org.linkage.events.activity.ActivitySignUpCancelled;
import org.linkage.events.activity.ActivitySignUpConfirmed;
import org.linkage.notification.service.NotificationComposer;
import org.linkage.notification.service.NotificationService;
import org.linkage.notification.service.ReminderService;
import org.linkage.notification.service.WebhookService;

import java.time.Instant;
import java.util.Comparator;
import java.util.UUID;

/**
 * Tells volunteers about their places at activities and reminds them before; integrators who subscribed get
 * every activity event, attendance included.
 */
@ApplicationScoped
public class ActivityEventsConsumer {

    private final IdempotentConsumer consumer;
    private final EventHandlers handlers;

    ActivityEventsConsumer(IdempotentConsumer consumer, NotificationService notifications, ReminderService reminders,
                           WebhookService webhooks) {
        this.consumer = consumer;
        this.handlers = new TopicHandlers(Topics.ACTIVITY_EVENTS, webhooks)
                .on(ActivitySignUpConfirmed.TYPE, ActivitySignUpConfirmed.class, (confirmed, envelope) -> {
                    notifications.notify(NotificationComposer.signUpConfirmed(confirmed), envelope.eventId());
                    reminders.schedule(confirmed, Instant.now());
                })
                .on(ActivitySignUpCancelled.TYPE, ActivitySignUpCancelled.class, (cancelled, envelope) ->
                        reminders.cancelSignUp(cancelled.signUpId()))
                .on(ActivityCancelled.TYPE, ActivityCancelled.class, (cancelled, envelope) -> {
                    reminders.cancelActivity(cancelled.activityId());
                    // People in one order, so that transactions telling several take their locks in one order.
                    cancelled.volunteerIds().stream().sorted(Comparator.comparing(UUID::toString))
                            .map(volunteerId -> NotificationComposer.activityCancelled(cancelled, volunteerId))
                            .forEach(draft -> notifications.notify(draft, envelope.eventId()));
                })
                .build();
    }

    @Incoming("activity-events")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        consumer.consume(record, handlers);
    }
}
