package org.linkage.notification.event;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.linkage.chassis.inbox.EventHandlers;
import org.linkage.chassis.inbox.IdempotentConsumer;
import org.linkage.events.Topics;
import org.linkage.events.volunteer.CertificationExpired;
import org.linkage.events.volunteer.CertificationExpiring;
import org.linkage.events.volunteer.HoursCredited;
import org.linkage.events.volunteer.StarLevelReached;
import org.linkage.events.volunteer.VolunteerChanged;
import org.linkage.events.volunteer.VolunteerDeactivated;
import org.linkage.events.volunteer.VolunteerErased;
import org.linkage.events.volunteer.VolunteerRegistered;
import org.linkage.notification.domain.NotificationKind;
import org.linkage.notification.service.DeviceService;
import org.linkage.notification.service.DutyService;
import org.linkage.notification.service.NotificationComposer;
import org.linkage.notification.service.NotificationService;
import org.linkage.notification.service.PreferenceService;
import org.linkage.notification.service.ReminderService;
import org.linkage.notification.service.WebhookService;

/**
 * Tells volunteers about their certifications, hours and star levels, keeps whether each is on duty (an offer's push
 * or SMS is not sent to someone who went off duty), and forgets a volunteer who asked to be erased. No volunteer event is offered to webhooks (see the catalogue).
 */
@ApplicationScoped
public class VolunteerEventsConsumer {

    private final IdempotentConsumer consumer;
    private final EventHandlers handlers;

    VolunteerEventsConsumer(IdempotentConsumer consumer, NotificationService notifications,
                            PreferenceService preferences, ReminderService reminders, DeviceService devices,
                            WebhookService webhooks, DutyService duties) {
        this.consumer = consumer;
        this.handlers = new TopicHandlers(Topics.VOLUNTEER_EVENTS, webhooks)
                .on(CertificationExpiring.TYPE, CertificationExpiring.class, (expiring, envelope) ->
                        notifications.notify(NotificationComposer.certification(
                                NotificationKind.CERTIFICATION_EXPIRING, expiring.volunteerId(),
                                expiring.certificationId(), expiring.certificationType(), expiring.expiresOn()),
                                envelope.eventId()))
                .on(CertificationExpired.TYPE, CertificationExpired.class, (expired, envelope) ->
                        notifications.notify(NotificationComposer.certification(
                                NotificationKind.CERTIFICATION_EXPIRED, expired.volunteerId(),
                                expired.certificationId(), expired.certificationType(), expired.expiresOn()),
                                envelope.eventId()))
                .on(StarLevelReached.TYPE, StarLevelReached.class, (reached, envelope) ->
                        notifications.notify(NotificationComposer.starLevelReached(reached), envelope.eventId()))
                .on(HoursCredited.TYPE, HoursCredited.class, (credited, envelope) ->
                        notifications.notify(NotificationComposer.hoursCredited(credited), envelope.eventId()))
                .on(VolunteerRegistered.TYPE, VolunteerRegistered.class, (registered, envelope) ->
                        duties.changed(registered.volunteerId(), registered.onDuty(), registered.active()))
                .on(VolunteerChanged.TYPE, VolunteerChanged.class, (changed, envelope) ->
                        duties.changed(changed.volunteerId(), changed.onDuty(), changed.active()))
                .on(VolunteerDeactivated.TYPE, VolunteerDeactivated.class, (deactivated, envelope) ->
                        duties.deactivated(deactivated.volunteerId()))
                .on(VolunteerErased.TYPE, VolunteerErased.class, (erased, envelope) -> {
                    String volunteer = erased.volunteerId().toString();
                    notifications.erase(volunteer);
                    preferences.erase(volunteer);
                    reminders.erase(volunteer);
                    devices.erase(volunteer);
                    duties.erase(volunteer);
                })
                .build();
    }

    @Incoming("volunteer-events")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        consumer.consume(record, handlers);
    }
}
