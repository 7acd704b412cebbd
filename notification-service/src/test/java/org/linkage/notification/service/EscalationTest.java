package org.linkage.notification.service;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linkage.events.GeoPoint;
import org.linkage.events.assignment.AssignmentAccepted;
import org.linkage.events.assignment.AssignmentOffered;
import org.linkage.events.assignment.AssignmentStoodDown;
import org.linkage.events.assignment.NeedUnmatched;
import org.linkage.events.need.Urgency;
import org.linkage.events.volunteer.HoursCredited;
import org.linkage.events.volunteer.VolunteerChanged;
import org.linkage.notification.DeliveryChannelsTestResource;
import org.linkage.notification.Inbox;
import org.linkage.notification.OtherReplica;
import org.linkage.notification.SmsProviderFakes;
import org.linkage.testing.As;
import org.linkage.testing.Eventually;
import org.linkage.testing.InfrastructureTestResource;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.linkage.notification.service.DeliveryTest.deliveries;
import static org.linkage.notification.service.DeliveryTest.offer;
import static org.linkage.notification.service.DeliveryTest.phone;
import static org.linkage.notification.service.DeliveryTest.prefer;

/**
 * The escalation ladder and the receipt trail: an offer goes to the inbox (and push) at once; if nobody opens it, an
 * SMS follows through the provider (the fake Aliyun) after its delay; opening, answering or the offer closing
 * cancels the SMS; the social worker sees per need who was reached on which channel, and what they did.
 */
@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
@WithTestResource(DeliveryChannelsTestResource.class)
class EscalationTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    SmsProviderFakes sms;

    @Inject
    CircuitBreakerMaintenance breakers;

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void closeCircuits() {
        breakers.resetAll();
    }

    /** A volunteer with the default channels (in-app and push for offers) and a phone; returns the volunteer id. */
    private static UUID volunteerWithPhone(String phone) {
        UUID volunteerId = UUID.randomUUID();
        prefer(volunteerId.toString(), """
                {"phone": "+86%s"}""".formatted(phone));
        return volunteerId;
    }

    private static List<Map<String, Object>> smsOf(UUID volunteerId, String status) {
        List<Map<String, Object>> sms = sms(deliveries(volunteerId.toString(),
                found -> sms(found).size() == 1 && status.equals(sms(found).get(0).get("status"))));
        assertEquals(1, sms.size(), sms.toString());
        assertEquals(status, sms.get(0).get("status"), sms.toString());
        return sms;
    }

    private static List<Map<String, Object>> sms(List<Map<String, Object>> deliveries) {
        return deliveries.stream().filter(delivery -> "SMS".equals(delivery.get("channel"))).toList();
    }

    /** Time passes for the held-back SMS: it falls due now. */
    private void escalationFallsDue(UUID volunteerId) throws SQLException {
        escalationFallsDue(volunteerId.toString());
    }

    private void escalationFallsDue(String recipient) throws SQLException {
        OtherReplica.execute(dataSource, """
                UPDATE delivery SET next_attempt_at = now() WHERE escalation AND status = 'PENDING'
                   AND notification_id IN (SELECT id FROM notification WHERE recipient = ?)""", recipient);
    }

    private static JsonPath reach(UUID needId) {
        return As.socialWorker("sw-zhang", Inbox.COMMUNITY)
                .get("/api/v1/deliveries/needs/" + needId).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void anEmergencyNobodyOpensGoesOutBySmsAfterThirtySecondsAndTheSocialWorkerSeesTheTrail() throws Exception {
        String phone = phone();
        UUID volunteerId = volunteerWithPhone(phone);
        AssignmentOffered offer = offer(volunteerId, Urgency.EMERGENCY);

        Inbox.publish(offer);

        Map<String, Object> held = smsOf(volunteerId, "PENDING").get(0);
        Instant due = Instant.parse((String) held.get("nextAttemptAt"));
        Instant created = Instant.parse((String) held.get("createdAt"));
        assertEquals(Duration.ofSeconds(30), Duration.between(created, due), "held back for the emergency delay");
        assertEquals(List.of(), sms.aliyunRequestsTo(phone), "not sent while the offer may still be opened");
        assertEquals(1, Inbox.await(volunteerId.toString(), 1).size(), "in the inbox at once");

        escalationFallsDue(volunteerId);
        smsOf(volunteerId, "SENT");
        assertEquals(1, sms.aliyunRequestsTo(phone).size(), "one SMS through the provider");

        Inbox.publish(AssignmentAccepted.of(offer.assignmentId(), offer.needId(), volunteerId, "sw-zhang"));
        JsonPath trail = Eventually.value("the answer in the trail", () -> reach(offer.needId()),
                found -> "ACCEPTED".equals(found.getString("people[0].action")), WAIT);
        assertEquals(1, trail.getList("people").size());
        assertEquals(volunteerId.toString(), trail.getString("people[0].recipient"));
        assertEquals(offer.assignmentId().toString(), trail.getString("people[0].assignmentId"));
        assertTrue(trail.getBoolean("people[0].emergency"));
        assertNull(trail.get("people[0].openedAt"));
        assertNotNull(trail.get("people[0].actedAt"));
        List<Map<String, Object>> channels = trail.getList("people[0].channels");
        assertEquals(List.of("IN_APP", "SMS"), channels.stream().map(c -> c.get("channel")).toList(), trail.prettify());
        Map<String, Object> text = channels.get(1);
        assertEquals("SENT", text.get("status"));
        assertEquals(true, text.get("escalation"));
        assertEquals("+86" + phone.substring(0, 3) + "****" + phone.substring(7), text.get("destination"),
                "the phone masked");
    }

    @Test
    void anOfferOpenedInTimeIsNeverSentBySms() throws Exception {
        String phone = phone();
        UUID volunteerId = volunteerWithPhone(phone);
        AssignmentOffered offer = offer(volunteerId, Urgency.ROUTINE);

        Inbox.publish(offer);
        Map<String, Object> held = smsOf(volunteerId, "PENDING").get(0);
        assertTrue(Duration.between(Instant.parse((String) held.get("createdAt")),
                Instant.parse((String) held.get("nextAttemptAt"))).compareTo(Duration.ofMinutes(10)) >= 0,
                "an ordinary offer waits ten minutes (and quiet hours) before its SMS");
        String notificationId = (String) Inbox.await(volunteerId.toString(), 1).get(0).get("id");
        Inbox.as(volunteerId.toString()).post("/api/v1/notifications/" + notificationId + "/read")
                .then().statusCode(200);

        smsOf(volunteerId, "CANCELLED");
        escalationFallsDue(volunteerId);
        // Longer than the dispatcher's poll interval: a cancelled step must stay unsent through its rounds.
        Eventually.holds("no SMS to " + phone, () -> sms.aliyunRequestsTo(phone), List::isEmpty,
                Duration.ofMillis(1500));
        smsOf(volunteerId, "CANCELLED");
        JsonPath trail = reach(offer.needId());
        assertNotNull(trail.get("people[0].openedAt"));
        assertNull(trail.get("people[0].action"));
    }

    @Test
    void anOfferThatClosesEndsItsEscalationAndAnEmergencyReachesTheInboxWhateverThePreferences() {
        String phone = phone();
        UUID volunteerId = UUID.randomUUID();
        prefer(volunteerId.toString(), """
                {"channels": {"OFFER_RECEIVED": ["EMAIL"]}, "email": "li@example.cn", "phone": "+86%s"}"""
                .formatted(phone));
        AssignmentOffered offer = offer(volunteerId, Urgency.EMERGENCY);

        Inbox.publish(offer);
        smsOf(volunteerId, "PENDING");
        assertEquals(1, Inbox.await(volunteerId.toString(), 1).size(), "an emergency is in the inbox anyway");

        Inbox.publish(AssignmentStoodDown.of(offer.assignmentId(), offer.needId(), volunteerId, "sw-zhang"));
        smsOf(volunteerId, "CANCELLED");
        assertEquals(List.of(), sms.aliyunRequestsTo(phone));
        assertEquals(List.of(), reach(UUID.randomUUID()).getList("people"), "a need never offered reached nobody");
    }

    /**
     * Volunteer-service says whether a volunteer is on duty; notification-service keeps the latest. Once the events
     * of one volunteer before the marker (an hours credit, which reaches the inbox) are consumed, so are those sent
     * before it on the same key.
     */
    private static void dutyChanged(UUID volunteerId, boolean onDuty, int inboxAfter) {
        Inbox.publish(VolunteerChanged.of(volunteerId, List.of("助老陪伴"), new GeoPoint(31.23, 121.47), onDuty, true));
        Inbox.publish(HoursCredited.of(volunteerId, UUID.randomUUID(), "ACTIVITY", UUID.randomUUID(),
                LocalDate.of(2026, 11, 28), new BigDecimal("1"), new BigDecimal("10")));
        Inbox.await(volunteerId.toString(), inboxAfter);
    }

    @Test
    void anEmergencyIsNeverSentBySmsToSomeoneWhoWentOffDutyMeanwhile() throws Exception {
        String offPhone = phone();
        UUID goesOff = volunteerWithPhone(offPhone);
        String onPhone = phone();
        UUID staysOn = volunteerWithPhone(onPhone);
        dutyChanged(goesOff, true, 1);
        dutyChanged(staysOn, true, 1);
        Inbox.publish(offer(goesOff, Urgency.EMERGENCY));
        Inbox.publish(offer(staysOn, Urgency.EMERGENCY));
        smsOf(goesOff, "PENDING");
        smsOf(staysOn, "PENDING");

        dutyChanged(goesOff, false, 3);
        escalationFallsDue(goesOff);
        escalationFallsDue(staysOn);

        Map<String, Object> cancelled = smsOf(goesOff, "CANCELLED").get(0);
        assertTrue(((String) cancelled.get("lastError")).contains("off duty"), cancelled.toString());
        assertEquals(1, cancelled.get("attempts"), "the step was taken, and cancelled: " + cancelled);
        assertEquals(List.of(), sms.aliyunRequestsTo(offPhone), "nothing reached the volunteer off duty");
        smsOf(staysOn, "SENT");
        assertEquals(1, sms.aliyunRequestsTo(onPhone).size(), "the volunteer still on duty is reached");
    }

    @Test
    void aKindWithALadderOfItsOwnAddsItsChannelsAndItsSmsStepWhateverTheQuietHours() throws Exception {
        String phone = phone();
        String socialWorker = "sw-" + UUID.randomUUID();
        LocalTime now = LocalTime.now(ZoneId.of("Asia/Shanghai")).truncatedTo(ChronoUnit.MINUTES);
        prefer(socialWorker, """
                {"email": "%s@example.cn", "phone": "+86%s", "quietHours": {"start": "%s", "end": "%s"}}"""
                .formatted(socialWorker, phone, now.minusHours(1), now.plusHours(2)));

        Inbox.publish(NeedUnmatched.of(UUID.randomUUID(), socialWorker, "附近没有符合条件的志愿者", 3));

        List<Map<String, Object>> found = deliveries(socialWorker, all -> all.size() == 2
                && all.stream().anyMatch(d -> "EMAIL".equals(d.get("channel")) && "SENT".equals(d.get("status"))));
        Map<String, Object> step = sms(found).get(0);
        assertEquals("PENDING", step.get("status"), found.toString());
        assertEquals(Duration.ofMinutes(5), Duration.between(Instant.parse((String) step.get("createdAt")),
                Instant.parse((String) step.get("nextAttemptAt"))), "its own delay, not held for quiet hours");

        escalationFallsDue(socialWorker);
        deliveries(socialWorker, all -> all.stream().allMatch(d -> "SENT".equals(d.get("status"))));
        assertEquals(1, sms.aliyunRequestsTo(phone).size(), "the step went out through the provider");
    }
}
