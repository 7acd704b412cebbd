package org.linkage.notification.event;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.linkage.events.EventEnvelope;
import org.linkage.events.EventJson;
import org.linkage.events.GeoPoint;
import org.linkage.events.TimeWindow;
import org.linkage.events.Topics;
import org.linkage.events.assignment.AssignmentDeclined;
import org.linkage.events.assignment.AssignmentOffered;
import org.linkage.events.assignment.NeedUnmatched;
import org.linkage.events.need.Urgency;
import org.linkage.notification.Inbox;
import org.linkage.notification.service.NotificationComposer;
import org.linkage.notification.service.NotificationDraft;
import org.linkage.notification.service.NotificationService;
import org.linkage.testing.Eventually;
import org.linkage.testing.InfrastructureTestResource;
import org.linkage.testing.TopicProbe;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
class AssignmentEventsConsumerTest {

    private static final String DEAD_LETTERS = Topics.deadLetter("notification-service");

    @Inject
    NotificationService notifications;

    static AssignmentOffered offer(UUID needId, UUID volunteerId) {
        Instant start = Instant.now().plus(Duration.ofHours(3));
        return AssignmentOffered.of(UUID.randomUUID(), needId, volunteerId, "sw-" + UUID.randomUUID(), "课业辅导",
                Urgency.ROUTINE, new TimeWindow(start, start.plus(Duration.ofHours(1))),
                new GeoPoint(31.23, 121.47), "为留守儿童辅导数学作业", Instant.now().plus(Duration.ofMinutes(15)));
    }

    @Test
    void aRedeliveredEnvelopeGivesNoSecondNotification() {
        UUID needId = UUID.randomUUID();
        UUID volunteerId = UUID.randomUUID();
        EventEnvelope envelope = Inbox.publish(offer(needId, volunteerId));
        TopicProbe.send(Topics.ASSIGNMENT_EVENTS, envelope);
        Inbox.sendMarkerAfter(needId);

        List<Map<String, Object>> inbox = Inbox.of(volunteerId.toString());
        assertEquals(1, inbox.size(), inbox.toString());
        assertEquals("OFFER_RECEIVED", inbox.get(0).get("kind"));
        assertEquals(1, Inbox.unread(volunteerId.toString()));
    }

    @Test
    void aPoisonMessageGoesToTheDeadLetterTopicAndLaterEventsAreStillDelivered() {
        UUID needId = UUID.randomUUID();
        String notJson = "not json " + UUID.randomUUID();
        TopicProbe.send(Topics.ASSIGNMENT_EVENTS, needId.toString(), notJson);
        var unreadablePayload = JsonNodeFactory.instance.objectNode()
                .put("assignmentId", "not-a-uuid").put("needId", needId.toString());
        String unreadableOffer = EventJson.write(new EventEnvelope(UUID.randomUUID(), AssignmentOffered.TYPE, 1,
                Instant.now(), "NeedMatch", needId.toString(), null, unreadablePayload));
        TopicProbe.send(Topics.ASSIGNMENT_EVENTS, needId.toString(), unreadableOffer);

        Inbox.sendMarkerAfter(needId);

        Set<String> deadLettered = Eventually.value("both dead-lettered", () -> TopicProbe.readAll(DEAD_LETTERS)
                        .stream().map(r -> r.value()).collect(Collectors.toSet()),
                found -> found.containsAll(Set.of(notJson, unreadableOffer)), Duration.ofSeconds(15));
        assertTrue(deadLettered.contains(notJson), "not-JSON message not dead-lettered");
        assertTrue(deadLettered.contains(unreadableOffer), "unreadable offer not dead-lettered");
    }

    @Test
    void eventTypesNobodyHandlesAreSkippedAndConsumptionContinues() {
        UUID needId = UUID.randomUUID();
        UUID volunteerId = UUID.randomUUID();
        String socialWorker = "sw-" + UUID.randomUUID();
        Inbox.publish(AssignmentDeclined.of(UUID.randomUUID(), needId, volunteerId, socialWorker, "时间冲突"));
        var payload = JsonNodeFactory.instance.objectNode()
                .put("needId", needId.toString()).put("volunteerId", volunteerId.toString())
                .put("requestedBy", socialWorker);
        TopicProbe.send(Topics.ASSIGNMENT_EVENTS, new EventEnvelope(UUID.randomUUID(), "SomethingElse", 1,
                Instant.now(), "NeedMatch", needId.toString(), null, payload));

        Inbox.sendMarkerAfter(needId);

        assertEquals(List.of(), Inbox.of(volunteerId.toString()));
        assertEquals(List.of(), Inbox.of(socialWorker));
    }

    @Test
    void oneEventGivesOneNotificationPerRecipientEvenWhenDeliveredTwice() {
        String recipient = "sw-" + UUID.randomUUID();
        UUID sourceEventId = UUID.randomUUID();
        NotificationDraft draft = NotificationComposer.needUnmatched(
                NeedUnmatched.of(UUID.randomUUID(), recipient, "无人接单", 1));

        List<UUID> first = notifications.notify(draft, sourceEventId).stream().map(n -> n.id).toList();
        List<UUID> second = notifications.notify(draft, sourceEventId).stream().map(n -> n.id).toList();

        assertEquals(1, first.size());
        assertEquals(first, second);
        assertEquals(1, Inbox.of(recipient).size());
    }
}
