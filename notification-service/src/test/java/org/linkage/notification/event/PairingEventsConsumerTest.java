package org.linkage.notification.event;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.linkage.events.EventEnvelope;
import org.linkage.events.Topics;
import org.linkage.events.pairing.PairingPaused;
import org.linkage.events.pairing.PairingReviewDue;
import org.linkage.notification.Inbox;
import org.linkage.testing.InfrastructureTestResource;
import org.linkage.testing.TopicProbe;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue #21: suspending a paired volunteer tells the child's responsible social worker, once. */
@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
class PairingEventsConsumerTest {

    @Test
    void aPausedPairingIsToldToTheResponsibleSocialWorkerOnceWithItsIdOnly() {
        String socialWorker = "sw-" + UUID.randomUUID();
        UUID pairingId = UUID.randomUUID();
        EventEnvelope paused = Inbox.publish(PairingPaused.of(pairingId, UUID.randomUUID(), UUID.randomUUID(),
                socialWorker, "the volunteer is no longer active"));
        TopicProbe.send(Topics.PAIRING_EVENTS, paused);
        // A second pairing of the same worker, on another key, as the marker that both copies were consumed.
        UUID later = UUID.randomUUID();
        Inbox.publish(PairingPaused.of(later, UUID.randomUUID(), UUID.randomUUID(), socialWorker, "suspended"));

        List<Map<String, Object>> inbox = Inbox.await(socialWorker, 2);
        assertEquals(2, inbox.size(), inbox.toString());
        Map<String, Object> told = inbox.stream()
                .filter(n -> pairingId.toString().equals(((Map<?, ?>) n.get("data")).get("pairingId")))
                .findFirst().orElseThrow();
        assertEquals("PAIRING_PAUSED", told.get("kind"));
        assertEquals("结对帮扶已暂停", told.get("title"));
        assertEquals(Map.of("pairingId", pairingId.toString()), told.get("data"));
    }

    @Test
    void aReviewFallingDueIsToldToTheResponsibleSocialWorkerWithItsDate() {
        String socialWorker = "sw-" + UUID.randomUUID();
        UUID pairingId = UUID.randomUUID();
        LocalDate due = LocalDate.of(2027, 3, 6);
        Inbox.publish(PairingReviewDue.of(pairingId, socialWorker, due));

        Map<String, Object> told = Inbox.await(socialWorker, 1).get(0);
        assertEquals("PAIRING_REVIEW_DUE", told.get("kind"));
        assertEquals("结对回访即将到期", told.get("title"));
        assertTrue(((String) told.get("body")).contains("2027"), told.toString());
        assertEquals(Map.of("pairingId", pairingId.toString(), "reviewDueOn", "2027-03-06"), told.get("data"));
    }
}
