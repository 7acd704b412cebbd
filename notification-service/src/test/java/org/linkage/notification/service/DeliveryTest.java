package org.linkage.notification.service;

import com.icegreen.greenmail.util.GreenMail;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linkage.events.EventEnvelope;
import org.linkage.events.GeoPoint;
import org.linkage.events.TimeWindow;
import org.linkage.events.Topics;
import org.linkage.events.assignment.AssignmentOffered;
import org.linkage.events.assignment.NeedUnmatched;
import org.linkage.events.need.Urgency;
import org.linkage.notification.DeliveryChannelsTestResource;
import org.linkage.notification.Inbox;
import org.linkage.notification.SmsProviderFakes;
import org.linkage.testing.Eventually;
import org.linkage.testing.InfrastructureTestResource;
import org.linkage.testing.TopicProbe;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
@WithTestResource(DeliveryChannelsTestResource.class)
class DeliveryTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    GreenMail smtp;
    SmsProviderFakes sms;

    @Inject
    CircuitBreakerMaintenance breakers;

    /** Each test starts with both providers' circuits closed, whatever the one before did to them. */
    @BeforeEach
    void closeCircuits() {
        breakers.resetAll();
    }

    /** A distinct mainland mobile number per test, so the provider fakes' records don't mix. */
    static String phone() {
        return "139" + String.format("%08d", (long) (Math.random() * 100_000_000L));
    }

    static void prefer(String recipient, String body) {
        Inbox.as(recipient).contentType(ContentType.JSON).body(body)
                .put("/api/v1/recipients/" + recipient + "/preferences").then().statusCode(200);
    }

    static AssignmentOffered offer(UUID volunteerId, Urgency urgency) {
        Instant start = Instant.now().plus(Duration.ofHours(2));
        return AssignmentOffered.of(UUID.randomUUID(), UUID.randomUUID(), volunteerId, "sw-zhang", "助老陪伴", urgency,
                new TimeWindow(start, start.plus(Duration.ofHours(1))), new GeoPoint(31.23, 121.47),
                "陪同老人去社区医院复诊", Instant.now().plus(Duration.ofMinutes(30)));
    }

    /** The recipient's deliveries once the predicate holds for them, waiting up to 20 s. */
    static List<Map<String, Object>> deliveries(String recipient,
                                                        Predicate<List<Map<String, Object>>> until) {
        return Eventually.value("the deliveries of " + recipient, () -> Inbox.as(recipient)
                        .queryParam("recipient", recipient).get("/api/v1/deliveries")
                        .then().statusCode(200).extract().jsonPath().<Map<String, Object>>getList("items"),
                until, Duration.ofSeconds(20));
    }

    static Predicate<List<Map<String, Object>>> all(String status, int count) {
        return found -> found.size() == count && found.stream().allMatch(d -> status.equals(d.get("status")));
    }

    private List<MimeMessage> mailsTo(String address) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(mail -> {
            try {
                return Arrays.stream(mail.getAllRecipients()).anyMatch(to -> to.toString().equals(address));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    @Test
    void anEventSendsOneEmailThroughSmtpEvenWhenDeliveredTwice() throws Exception {
        String socialWorker = "sw-" + UUID.randomUUID();
        String address = socialWorker + "@example.com";
        prefer(socialWorker, """
                {"channels": {"NEED_UNMATCHED": ["IN_APP", "EMAIL"]}, "email": "%s"}""".formatted(address));
        UUID needId = UUID.randomUUID();
        EventEnvelope envelope = Inbox.publish(NeedUnmatched.of(needId, socialWorker, "附近没有符合条件的志愿者", 4));
        TopicProbe.send(Topics.ASSIGNMENT_EVENTS, envelope);
        Inbox.sendMarkerAfter(needId);

        List<Map<String, Object>> sent = deliveries(socialWorker, all("SENT", 1));
        assertEquals(1, sent.size(), sent.toString());
        assertEquals("EMAIL", sent.get(0).get("channel"));
        assertEquals(address, sent.get(0).get("destination"));
        assertEquals(1, sent.get(0).get("attempts"));
        assertEquals(null, sent.get(0).get("lastError"));

        List<MimeMessage> mails = mailsTo(address);
        assertEquals(1, mails.size());
        assertEquals("需求未能匹配志愿者", mails.get(0).getSubject());
        assertTrue(mails.get(0).getContent().toString().contains("附近没有符合条件的志愿者"),
                mails.get(0).getContent().toString());
        assertEquals(1, Inbox.of(socialWorker).size(), "the inbox still gets its one notification");
    }

    @Test
    void quietHoursDeferARoutineSmsButNotAnEmergencyOne() {
        UUID volunteerId = UUID.randomUUID();
        String phone = phone();
        LocalTime now = LocalTime.now(SHANGHAI).truncatedTo(ChronoUnit.MINUTES);
        LocalTime quietEnd = now.plusHours(2);
        prefer(volunteerId.toString(), """
                {"channels": {"OFFER_RECEIVED": ["IN_APP", "SMS"]}, "phone": "%s",
                 "quietHours": {"start": "%s", "end": "%s"}}""".formatted(phone, now.minusHours(1), quietEnd));

        Inbox.publish(offer(volunteerId, Urgency.ROUTINE));
        Inbox.publish(offer(volunteerId, Urgency.EMERGENCY));

        List<Map<String, Object>> deliveries = deliveries(volunteerId.toString(),
                found -> found.size() == 2 && found.stream().anyMatch(d -> "SENT".equals(d.get("status"))));
        assertEquals(2, Inbox.await(volunteerId.toString(), 2).size(), "the inbox ignores quiet hours");
        List<SmsProviderFakes.Received> texts = sms.aliyunRequestsTo(phone);
        assertEquals(1, texts.size(), texts.toString());
        SmsProviderFakes.assertAliyunSigned(texts.get(0));
        Map<String, String> sendSms = texts.get(0).query();
        assertEquals("SendSms", sendSms.get("Action"));
        assertEquals("2017-05-25", sendSms.get("Version"));
        assertEquals("Linkage", sendSms.get("SignName"));
        assertEquals("SMS_460001", sendSms.get("TemplateCode"));
        JsonPath parameters = JsonPath.from(sendSms.get("TemplateParam"));
        assertEquals("EMERGENCY", parameters.getString("urgency"), "the emergency offer went out, the routine waits");
        assertEquals("助老陪伴", parameters.getString("category"));
        Map<String, Object> sent = deliveries.stream().filter(d -> "SENT".equals(d.get("status"))).findFirst()
                .orElseThrow();
        assertEquals("ALIYUN", sent.get("provider"));
        assertEquals(sent.get("id"), sendSms.get("OutId"));
        assertTrue(((String) sent.get("providerMessageId")).endsWith("^0"), sent.toString());

        Map<String, Object> routine = deliveries.stream().filter(d -> "PENDING".equals(d.get("status")))
                .findFirst().orElseThrow(() -> new AssertionError("no deferred delivery in " + deliveries));
        assertEquals(0, routine.get("attempts"));
        Instant releasedAt = Instant.parse((String) routine.get("nextAttemptAt"));
        assertEquals(quietEnd, releasedAt.atZone(SHANGHAI).toLocalTime(), "deferred to the end of quiet hours");
        assertTrue(releasedAt.isAfter(Instant.now().plus(Duration.ofMinutes(100))), releasedAt.toString());
    }

    @Test
    void aFailingSmsProviderIsRetriedUntilItAccepts() {
        UUID volunteerId = UUID.randomUUID();
        String phone = phone();
        sms.aliyunAnswers(phone, SmsProviderFakes.down(), SmsProviderFakes.down(), SmsProviderFakes.aliyunOk());
        sms.tencentAnswers(phone, SmsProviderFakes.down());
        prefer(volunteerId.toString(), """
                {"channels": {"OFFER_RECEIVED": ["IN_APP", "SMS"]}, "phone": "%s"}""".formatted(phone));

        Inbox.publish(offer(volunteerId, Urgency.ROUTINE));

        Map<String, Object> delivery = deliveries(volunteerId.toString(), all("SENT", 1)).get(0);
        assertEquals("SENT", delivery.get("status"));
        assertEquals(3, delivery.get("attempts"));
        assertEquals(null, delivery.get("lastError"));
        assertEquals("ALIYUN", delivery.get("provider"));
        assertEquals(List.of(503, 503, 200), sms.aliyunRequestsTo(phone).stream()
                .map(SmsProviderFakes.Received::answered).toList());
        assertEquals(List.of(503, 503), sms.tencentRequestsTo(phone).stream()
                .map(SmsProviderFakes.Received::answered).toList(), "each attempt tried the secondary too");
    }

    @Test
    void anSmsProviderThatKeepsFailingIsRetriedWithGrowingDelaysThenGivenUp() {
        UUID volunteerId = UUID.randomUUID();
        String phone = phone();
        sms.aliyunAnswers(phone, SmsProviderFakes.down());
        sms.tencentAnswers(phone, SmsProviderFakes.down());
        prefer(volunteerId.toString(), """
                {"channels": {"OFFER_RECEIVED": ["SMS"]}, "phone": "%s"}""".formatted(phone));

        Inbox.publish(offer(volunteerId, Urgency.ROUTINE));

        Map<String, Object> delivery = deliveries(volunteerId.toString(), all("FAILED", 1)).get(0);
        assertEquals("FAILED", delivery.get("status"));
        assertEquals(DeliveryChannelsTestResource.MAX_ATTEMPTS, delivery.get("attempts"));
        assertTrue(((String) delivery.get("lastError")).contains("503"), (String) delivery.get("lastError"));
        List<SmsProviderFakes.Received> attempts = sms.aliyunRequestsTo(phone);
        assertEquals(DeliveryChannelsTestResource.MAX_ATTEMPTS, attempts.size());
        // Each retry waits at least twice as long as the one before: 0.2 s, 0.4 s, 0.8 s.
        Duration wait = Duration.parse(DeliveryChannelsTestResource.FIRST_RETRY_AFTER);
        for (int i = 1; i < attempts.size(); i++) {
            Duration waited = Duration.between(attempts.get(i - 1).at(), attempts.get(i).at());
            assertFalse(waited.compareTo(wait) < 0, "retry " + i + " after " + waited + ", expected at least " + wait);
            wait = wait.multipliedBy(2);
        }
        assertEquals(List.of(), Inbox.of(volunteerId.toString()), "SMS only: nothing in the inbox");
    }
}
