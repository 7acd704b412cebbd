package org.linkage.notification.event;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.linkage.chassis.inbox.EventHandlers;
import org.linkage.chassis.inbox.IdempotentConsumer;
import org.linkage.events.EventEnvelope;
import org.linkage.events.Topics;
import org.linkage.events.assignment.AssignmentAccepted;
import org.linkage.events.assignment.AssignmentDeclined;
import org.linkage.events.assignment.AssignmentExpired;
import org.linkage.events.assignment.AssignmentOffered;
import org.linkage.events.assignment.AssignmentProposed;
import org.linkage.events.assignment.AssignmentStoodDown;
import org.linkage.events.assignment.AssignmentWithdrawn;
import org.linkage.events.assignment.NeedUnmatched;
import org.linkage.notification.domain.NotificationKind;
import org.linkage.notification.service.NotificationComposer;
import org.linkage.notification.service.NotificationService;
import org.linkage.notification.service.WebhookService;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Tells people what matching did: the volunteer about an offer and about an offer closed without their answer,
 * the social worker about a volunteer's offer of themselves (made, or taken back) and about the outcome; and
 * integrators who subscribed.
 * A decline concerns nobody yet (matching moves on by itself), so AssignmentDeclined goes to webhooks only.
 */
@ApplicationScoped
public class AssignmentEventsConsumer {

    /**
     * The payload fields naming whom each event type tells: a new notification in their inbox, written under their
     * lock. A batch locks only them. Every offer also names the social worker who raised the need, but does not
     * tell them; locking them too made every batch of one social worker's offers wait for the others' commits.
     * A withdrawal tells one of the two (the volunteer took back their own offer, or it was withdrawn from them).
     * A decline tells nobody: it marks the volunteer's offer answered, an update that takes no lock.
     */
    private static final Map<String, List<String>> TOLD = Map.of(
            AssignmentOffered.TYPE, List.of("volunteerId"),
            AssignmentAccepted.TYPE, List.of("requestedBy"),
            AssignmentProposed.TYPE, List.of("requestedBy"),
            NeedUnmatched.TYPE, List.of("requestedBy"),
            AssignmentExpired.TYPE, List.of("volunteerId"),
            AssignmentWithdrawn.TYPE, List.of("volunteerId", "requestedBy"),
            AssignmentStoodDown.TYPE, List.of("volunteerId"));

    private final IdempotentConsumer consumer;
    private final EventHandlers handlers;

    AssignmentEventsConsumer(IdempotentConsumer consumer, NotificationService notifications,
                             WebhookService webhooks) {
        this.consumer = consumer;
        this.handlers = new TopicHandlers(Topics.ASSIGNMENT_EVENTS, webhooks)
                .beforeBatch(batch -> notifications.lockRecipients(recipients(batch)))
                .on(AssignmentOffered.TYPE, AssignmentOffered.class, (offer, envelope) ->
                        notifications.notify(NotificationComposer.offerReceived(offer), envelope.eventId()))
                .on(AssignmentAccepted.TYPE, AssignmentAccepted.class, (accepted, envelope) -> {
                    notifications.offerAnswered(accepted.volunteerId().toString(), accepted.assignmentId(),
                            "ACCEPTED");
                    notifications.notify(NotificationComposer.assignmentConfirmed(accepted), envelope.eventId());
                })
                .on(AssignmentProposed.TYPE, AssignmentProposed.class, (proposed, envelope) ->
                        notifications.notify(NotificationComposer.volunteerOffered(proposed), envelope.eventId()))
                .on(AssignmentDeclined.TYPE, AssignmentDeclined.class, (declined, envelope) ->
                        notifications.offerAnswered(declined.volunteerId().toString(), declined.assignmentId(),
                                "DECLINED"))
                .on(NeedUnmatched.TYPE, NeedUnmatched.class, (unmatched, envelope) ->
                        notifications.notify(NotificationComposer.needUnmatched(unmatched), envelope.eventId()))
                .on(AssignmentExpired.TYPE, AssignmentExpired.class, (expired, envelope) ->
                        offerClosed(notifications, expired.volunteerOffer() ? NotificationKind.VOLUNTEER_OFFER_LAPSED
                                        : NotificationKind.OFFER_EXPIRED, expired.assignmentId(), expired.needId(),
                                expired.volunteerId(), envelope))
                .on(AssignmentWithdrawn.TYPE, AssignmentWithdrawn.class, (withdrawn, envelope) -> {
                    if (withdrawn.byVolunteer()) {
                        notifications.notify(NotificationComposer.volunteerOfferWithdrawn(withdrawn),
                                envelope.eventId());
                    } else {
                        offerClosed(notifications, NotificationKind.OFFER_WITHDRAWN, withdrawn.assignmentId(),
                                withdrawn.needId(), withdrawn.volunteerId(), envelope);
                    }
                })
                .on(AssignmentStoodDown.TYPE, AssignmentStoodDown.class, (stoodDown, envelope) ->
                        offerClosed(notifications, NotificationKind.STOOD_DOWN, stoodDown.assignmentId(),
                                stoodDown.needId(), stoodDown.volunteerId(), envelope))
                .build();
    }

    /** Whom a batch's events tell ({@link #TOLD}). */
    private static Set<String> recipients(List<EventEnvelope> batch) {
        Set<String> recipients = new HashSet<>();
        for (EventEnvelope envelope : batch) {
            for (String field : TOLD.getOrDefault(envelope.eventType(), List.of())) {
                JsonNode recipient = envelope.payload().get(field);
                if (recipient != null && recipient.isTextual()) {
                    recipients.add(recipient.asText());
                }
            }
        }
        return recipients;
    }

    /** The person is told the offer closed, and its escalation (an SMS still held back) ends. */
    private static void offerClosed(NotificationService notifications, NotificationKind kind, UUID assignmentId,
                                    UUID needId, UUID volunteerId, EventEnvelope envelope) {
        notifications.cancelEscalation(volunteerId.toString(), assignmentId);
        notifications.notify(NotificationComposer.offerClosed(kind, assignmentId, needId, volunteerId),
                envelope.eventId());
    }

    /**
     * A poll's records in one transaction (channel property batch=true): a backlog (after a pause, a burst of
     * emergencies) drains at one commit per poll instead of one per record. The pushes the batch claims go out once
     * the whole batch has committed (a rollback sends none of them); should one event fail, the chassis consumes the
     * records again one at a time.
     */
    @Incoming("assignment-events")
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        consumer.consumeAll(records, handlers);
    }
}
