package org.linkage.notification.push;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.linkage.events.assignment.AssignmentOffered;
import org.linkage.events.need.Urgency;
import org.linkage.notification.Inbox;
import org.linkage.testing.InfrastructureTestResource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A push due now goes out when the transaction that wrote it commits, not at the dispatcher's next poll: here the
 * poll comes once an hour, so only the wake-up after commit can send it. What is due later (an offer's SMS
 * escalation step) is not sent by the wake-ups.
 */
@QuarkusTest
@TestProfile(DeliveryWakeUpTest.HourlyPoll.class)
@WithTestResource(InfrastructureTestResource.class)
@WithTestResource(PushTestResource.class)
class DeliveryWakeUpTest {

    /** The dispatcher's poll, the safety net, comes too late to be what sends a push in this test. */
    public static class HourlyPoll implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("linkage.delivery.poll-interval", "PT1H");
        }
    }

    PushFakes fakes;

    @Test
    void aPushIsSentOnceItsTransactionCommitsAndTheEscalationWaitsForItsTime() {
        UUID volunteer = UUID.randomUUID();
        String token = DeviceResourceTest.apnsToken();
        PushDeliveryTest.registered(volunteer.toString(), "IOS", "APNS", token);
        Inbox.as(volunteer.toString()).contentType(ContentType.JSON).body("{\"phone\": \"+8613912345678\"}")
                .put("/api/v1/recipients/" + volunteer + "/preferences").then().statusCode(200);

        for (int offers = 1; offers <= 2; offers++) {
            AssignmentOffered offer = PushDeliveryTest.offer(volunteer, Urgency.EMERGENCY);
            Inbox.publish(offer);
            int expected = offers;
            List<FakeApns.Push> pushes = PushDeliveryTest.await(() -> fakes.apns().pushesTo(token),
                    found -> found.size() == expected);
            assertEquals(expected, pushes.size(), "pushed without waiting for the hourly poll");
        }

        List<Map<String, Object>> all = Inbox.as(volunteer.toString()).queryParam("recipient", volunteer.toString())
                .get("/api/v1/deliveries").then().statusCode(200).extract().jsonPath().getList("items");
        List<Map<String, Object>> sms = all.stream().filter(d -> "SMS".equals(d.get("channel"))).toList();
        assertEquals(2, sms.size(), all.toString());
        for (Map<String, Object> step : sms) {
            assertEquals("PENDING", step.get("status"), "the escalation step is not sent before its time: " + step);
            assertEquals(0, step.get("attempts"), step.toString());
            assertEquals(Duration.ofSeconds(30), Duration.between(Instant.parse((String) step.get("createdAt")),
                    Instant.parse((String) step.get("nextAttemptAt"))), step.toString());
        }
    }
}
