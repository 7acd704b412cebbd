package org.linkage.notification.service;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.linkage.events.GeoPoint;
import org.linkage.events.TimeWindow;
import org.linkage.events.assignment.AssignmentOffered;
import org.linkage.events.need.Urgency;
import org.linkage.notification.DeliveryChannelsTestResource;
import org.linkage.notification.Inbox;
import org.linkage.notification.SmsProviderFakes;
import org.linkage.testing.Eventually;
import org.linkage.testing.InfrastructureTestResource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.linkage.notification.SmsProviderFakes.aliyunOk;
import static org.linkage.notification.SmsProviderFakes.down;
import static org.linkage.notification.service.DeliveryTest.all;
import static org.linkage.notification.service.DeliveryTest.deliveries;
import static org.linkage.notification.service.DeliveryTest.phone;
import static org.linkage.notification.service.DeliveryTest.prefer;

/**
 * Both SMS providers go down (WireMock answers 503) while offers keep coming: the circuits open, nothing is lost, and
 * when Aliyun comes back the backlog drains, each number's messages in the order they were due, each sent once.
 */
@QuarkusTest
@TestProfile(OutageDrainTest.LongRetries.class)
@WithTestResource(InfrastructureTestResource.class)
@WithTestResource(DeliveryChannelsTestResource.class)
class OutageDrainTest {

    /** An outage of a few seconds must not use up a delivery's attempts (at most 1 s apart here). */
    public static class LongRetries implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("linkage.delivery.max-attempts", "60");
        }
    }

    private static final int OFFERS = 5;

    SmsProviderFakes sms;

    @Inject
    CircuitBreakerMaintenance breakers;

    @Test
    void theBacklogOfAnOutageDrainsInOrderPerPersonWithNothingLostOrDuplicated() {
        breakers.resetAll();
        List<String> phones = List.of(phone(), phone());
        List<String> volunteers = phones.stream().map(phone -> {
            sms.aliyunAnswers(phone, down());
            sms.tencentAnswers(phone, down());
            String volunteer = UUID.randomUUID().toString();
            prefer(volunteer, """
                    {"channels": {"OFFER_RECEIVED": ["IN_APP", "SMS"]}, "phone": "+86%s"}""".formatted(phone));
            return volunteer;
        }).toList();

        for (int i = 0; i < OFFERS; i++) {
            for (String volunteer : volunteers) {
                Inbox.publish(offer(UUID.fromString(volunteer), i));
            }
            // Offers travel on their needs' keys, possibly different partitions: one at a time, so that the order
            // they came in is the order they were told in.
            for (String volunteer : volunteers) {
                Inbox.await(volunteer, i + 1);
            }
        }
        Eventually.value("both circuits open", () -> List.of(breakers.currentState("sms-aliyun"),
                breakers.currentState("sms-tencent")), states -> states.stream()
                .allMatch(state -> state == CircuitBreakerState.OPEN), Duration.ofSeconds(20));
        for (String volunteer : volunteers) {
            List<Map<String, Object>> held = deliveries(volunteer, found -> found.size() == OFFERS);
            assertTrue(held.stream().allMatch(d -> "PENDING".equals(d.get("status"))), held.toString());
            assertEquals(OFFERS - 1, held.stream().filter(d -> (int) d.get("attempts") == 0).count(),
                    "only the number's first message is tried while the providers are down: " + held);
        }

        phones.forEach(phone -> sms.aliyunAnswers(phone, aliyunOk()));

        for (int v = 0; v < volunteers.size(); v++) {
            deliveries(volunteers.get(v), all("SENT", OFFERS));
            List<SmsProviderFakes.Received> accepted = sms.aliyunRequestsTo(phones.get(v)).stream()
                    .filter(received -> received.answered() == 200).toList();
            assertEquals(IntStream.range(0, OFFERS).mapToObj(OutageDrainTest::category).toList(),
                    accepted.stream().map(received -> received.query().get("TemplateParam"))
                            .map(OutageDrainTest::categoryOf).toList(),
                    "each offer once, in the order it came");
            assertTrue(sms.tencentRequestsTo(phones.get(v)).stream().noneMatch(r -> r.answered() == 200));
        }
    }

    private static String category(int i) {
        return "outage-" + i;
    }

    private static String categoryOf(String templateParam) {
        int at = templateParam.indexOf("outage-");
        return templateParam.substring(at, at + "outage-".length() + 1);
    }

    private static AssignmentOffered offer(UUID volunteerId, int i) {
        Instant start = Instant.now().plus(Duration.ofHours(2));
        return AssignmentOffered.of(UUID.randomUUID(), UUID.randomUUID(), volunteerId, "sw-zhang", category(i),
                Urgency.ROUTINE, new TimeWindow(start, start.plus(Duration.ofHours(1))), new GeoPoint(31.23, 121.47),
                "陪同老人去社区医院复诊", Instant.now().plus(Duration.ofMinutes(30)));
    }
}
