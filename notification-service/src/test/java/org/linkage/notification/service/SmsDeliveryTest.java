package org.linkage.notification.service;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import io.agroal.api.AgroalDataSource;
import org.linkage.events.identity.InvitationIssued;
import org.linkage.events.need.Urgency;
import org.linkage.notification.DeliveryChannelsTestResource;
import org.linkage.notification.Inbox;
import org.linkage.notification.SmsProviderFakes;
import org.linkage.notification.SmsProviderFakes.Received;
import org.linkage.testing.InfrastructureTestResource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.linkage.notification.SmsProviderFakes.aliyunError;
import static org.linkage.notification.SmsProviderFakes.aliyunOk;
import static org.linkage.notification.SmsProviderFakes.down;
import static org.linkage.notification.SmsProviderFakes.tencentError;
import static org.linkage.notification.SmsProviderFakes.tencentOk;
import static org.linkage.notification.SmsProviderFakes.tencentStatus;
import static org.linkage.notification.SmsProviderFakes.throttled;
import static org.linkage.notification.service.DeliveryTest.all;
import static org.linkage.notification.service.DeliveryTest.deliveries;
import static org.linkage.notification.service.DeliveryTest.offer;
import static org.linkage.notification.service.DeliveryTest.phone;
import static org.linkage.notification.service.DeliveryTest.prefer;

/**
 * SMS through the two providers' real request shapes (WireMock fakes): failover, the circuit breaker, per-number
 * limits and throttling answered as the providers answer them, and their delivery reports.
 */
@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
@WithTestResource(DeliveryChannelsTestResource.class)
class SmsDeliveryTest {

    SmsProviderFakes sms;

    @Inject
    CircuitBreakerMaintenance breakers;

    @BeforeEach
    void closeCircuits() {
        breakers.resetAll();
    }

    /** A volunteer who wants offers by SMS on a fresh number; returns the volunteer's id. */
    private static String smsVolunteer(String phone) {
        String volunteerId = UUID.randomUUID().toString();
        prefer(volunteerId, """
                {"channels": {"OFFER_RECEIVED": ["SMS"]}, "phone": "+86%s"}""".formatted(phone));
        return volunteerId;
    }

    private static Map<String, Object> onlyDelivery(String volunteerId, String status) {
        List<Map<String, Object>> found = deliveries(volunteerId, all(status, 1));
        assertEquals(1, found.size(), found.toString());
        assertEquals(status, found.get(0).get("status"), found.toString());
        return found.get(0);
    }

    @Inject
    AgroalDataSource dataSource;

    @Test
    void anInvitationCodeGoesBySmsToTheRegisteredNumberThroughItsTemplateAndIsThenForgotten() throws Exception {
        String phone = phone();
        UUID volunteerId = UUID.randomUUID();

        Inbox.publish(InvitationIssued.of(UUID.randomUUID(), volunteerId, phone, "042917",
                Instant.now().plus(Duration.ofHours(72))));

        Map<String, Object> delivery = onlyDelivery(volunteerId.toString(), "SENT");
        assertEquals("SMS", delivery.get("channel"));
        List<Received> texts = sms.aliyunRequestsTo(phone);
        assertEquals(1, texts.size(), texts.toString());
        Map<String, String> sendSms = texts.get(0).query();
        assertEquals("SMS_460004", sendSms.get("TemplateCode"));
        JsonPath parameters = JsonPath.from(sendSms.get("TemplateParam"));
        assertEquals("042917", parameters.getString("code"));
        assertTrue(List.of("71", "72").contains(parameters.getString("validHours")), sendSms.toString());
        try (var connection = dataSource.getConnection();
             var select = connection.prepareStatement(
                     "SELECT data::text, body FROM notification WHERE recipient = ? AND kind = 'INVITATION'")) {
            select.setString(1, volunteerId.toString());
            try (var row = select.executeQuery()) {
                assertTrue(row.next());
                assertFalse(row.getString(1).contains("042917"), "the code is forgotten once sent: " + row.getString(1));
                assertFalse(row.getString(2).contains("042917"));
            }
        }
        assertEquals(0, Inbox.of(volunteerId.toString()).size(), "an invitation is not an inbox notification");
    }

    @Test
    void whenAliyunIsDownTencentTakesTheMessageSignedAsItsApiWants() {
        String phone = phone();
        sms.aliyunAnswers(phone, down());
        String volunteerId = smsVolunteer(phone);

        Inbox.publish(offer(UUID.fromString(volunteerId), Urgency.EMERGENCY));

        Map<String, Object> delivery = onlyDelivery(volunteerId, "SENT");
        assertEquals("TENCENT", delivery.get("provider"));
        assertEquals(1, delivery.get("attempts"), "failover within the same attempt");
        assertEquals(List.of(503), sms.aliyunRequestsTo(phone).stream().map(Received::answered).toList());
        List<Received> tencent = sms.tencentRequestsTo(phone);
        assertEquals(1, tencent.size());
        SmsProviderFakes.assertTencentSigned(tencent.get(0));
        JsonPath body = tencent.get(0).body();
        assertEquals(List.of("+86" + phone), body.getList("PhoneNumberSet"));
        assertEquals(SmsProviderFakes.TENCENT_APP_ID, body.getString("SmsSdkAppId"));
        assertEquals("Linkage", body.getString("SignName"));
        assertEquals("1800001", body.getString("TemplateId"));
        List<String> parameters = body.getList("TemplateParamSet");
        assertEquals(List.of("助老陪伴", "EMERGENCY"), parameters.subList(0, 2), "category, urgency, expiresAt");
        assertEquals(delivery.get("id"), body.getString("SessionContext"));
        assertTrue(((String) delivery.get("providerMessageId")).startsWith("2028:"), delivery.toString());
    }

    @Test
    void aFailingProviderIsNoLongerHammeredOnceItsCircuitOpens() {
        String phone = phone();
        sms.aliyunAnswers(phone, down());
        String volunteerId = smsVolunteer(phone);

        for (int i = 0; i < 6; i++) {
            Inbox.publish(offer(UUID.fromString(volunteerId), Urgency.ROUTINE));
        }

        List<Map<String, Object>> sent = deliveries(volunteerId, all("SENT", 6));
        assertEquals(6, sent.size(), sent.toString());
        assertTrue(sent.stream().allMatch(d -> "TENCENT".equals(d.get("provider"))), sent.toString());
        int aliyunCalls = sms.aliyunRequestsTo(phone).size();
        assertTrue(aliyunCalls >= 3 && aliyunCalls < 6, "Aliyun asked " + aliyunCalls + " times for 6 messages");
        assertEquals(6, sms.tencentRequestsTo(phone).size());
    }

    @Test
    void perNumberLimitsAreSurfacedAndNotWorkedAroundOrRetriedBlindly() {
        String daily = phone();
        sms.aliyunAnswers(daily, aliyunError(200, "isv.BUSINESS_LIMIT_CONTROL", "触发天级流控Permits:10"));
        String dailyVolunteer = smsVolunteer(daily);
        String hourly = phone();
        sms.aliyunAnswers(hourly, aliyunError(200, "isv.BUSINESS_LIMIT_CONTROL", "触发小时级流控Permits:5"));
        String hourlyVolunteer = smsVolunteer(hourly);
        String tencentDaily = phone();
        sms.aliyunAnswers(tencentDaily, down());
        sms.tencentAnswers(tencentDaily, tencentStatus("LimitExceeded.PhoneNumberDailyLimit",
                "the number of SMS messages sent from a single mobile number every day exceeds the upper limit"));
        String tencentVolunteer = smsVolunteer(tencentDaily);

        Inbox.publish(offer(UUID.fromString(dailyVolunteer), Urgency.ROUTINE));
        Inbox.publish(offer(UUID.fromString(hourlyVolunteer), Urgency.ROUTINE));
        Inbox.publish(offer(UUID.fromString(tencentVolunteer), Urgency.ROUTINE));

        Map<String, Object> failed = onlyDelivery(dailyVolunteer, "FAILED");
        assertEquals(1, failed.get("attempts"));
        assertTrue(((String) failed.get("lastError")).startsWith("per-number daily limit reached at aliyun")
                && ((String) failed.get("lastError")).contains("isv.BUSINESS_LIMIT_CONTROL"), failed.toString());
        assertEquals(List.of(), sms.tencentRequestsTo(daily), "a limit is not worked around through the secondary");

        Map<String, Object> deferred = deliveries(hourlyVolunteer,
                found -> found.size() == 1 && Integer.valueOf(1).equals(found.get(0).get("attempts"))).get(0);
        assertEquals("PENDING", deferred.get("status"));
        assertTrue(((String) deferred.get("lastError")).startsWith("per-number limit per hour"), deferred.toString());
        Instant next = Instant.parse((String) deferred.get("nextAttemptAt"));
        assertTrue(next.isAfter(Instant.now().plus(Duration.ofMinutes(55))), "deferred an hour, not " + next);

        Map<String, Object> tencentFailed = onlyDelivery(tencentVolunteer, "FAILED");
        assertEquals(1, tencentFailed.get("attempts"));
        assertTrue(((String) tencentFailed.get("lastError")).contains("LimitExceeded.PhoneNumberDailyLimit"),
                tencentFailed.toString());
        assertEquals(1, sms.tencentRequestsTo(tencentDaily).size());
    }

    @Test
    void throttlingIsAnsweredByWaitingAsLongAsTheProviderAsks() {
        String phone = phone();
        sms.aliyunAnswers(phone, throttled(2), aliyunOk());
        sms.tencentAnswers(phone, tencentError("RequestLimitExceeded", "request limit exceeded"), tencentOk());
        String volunteerId = smsVolunteer(phone);

        Inbox.publish(offer(UUID.fromString(volunteerId), Urgency.ROUTINE));

        Map<String, Object> delivery = onlyDelivery(volunteerId, "SENT");
        assertEquals("ALIYUN", delivery.get("provider"));
        assertEquals(2, delivery.get("attempts"));
        List<Received> aliyun = sms.aliyunRequestsTo(phone);
        assertEquals(List.of(429, 200), aliyun.stream().map(Received::answered).toList());
        Duration waited = Duration.between(aliyun.get(0).at(), aliyun.get(1).at());
        assertFalse(waited.compareTo(Duration.ofSeconds(2)) < 0, "Retry-After 2 s, retried after " + waited);
    }

    @Test
    void aliyunsDeliveryReportMarksTheDeliveryDeliveredAndARepeatChangesNothing() {
        String phone = phone();
        String volunteerId = smsVolunteer(phone);
        Inbox.publish(offer(UUID.fromString(volunteerId), Urgency.ROUTINE));
        Map<String, Object> sent = onlyDelivery(volunteerId, "SENT");
        assertEquals("ALIYUN", sent.get("provider"));
        String report = """
                [{"phone_number": "%s", "send_time": "2026-12-05 18:00:01", "report_time": "2026-12-05 18:00:04",
                  "success": true, "err_code": "DELIVERED", "err_msg": "用户接收成功", "sms_size": "1",
                  "biz_id": "%s", "out_id": "%s"}]""".formatted(phone, sent.get("providerMessageId"), sent.get("id"));

        for (int i = 0; i < 2; i++) {
            RestAssured.given().contentType(ContentType.JSON).body(report)
                    .post("/api/v1/sms-reports/aliyun/" + DeliveryChannelsTestResource.ALIYUN_CALLBACK_TOKEN)
                    .then().statusCode(200).body("code", equalTo(0));
            Map<String, Object> delivered = onlyDelivery(volunteerId, "DELIVERED");
            assertNotNull(delivered.get("deliveredAt"));
            assertEquals(null, delivered.get("lastError"));
        }

        RestAssured.given().contentType(ContentType.JSON).body(report).post("/api/v1/sms-reports/aliyun/guessed")
                .then().statusCode(404).contentType("application/problem+json");
        RestAssured.given().contentType(ContentType.JSON).body("""
                [{"success": true, "biz_id": "%s"}, {"success": "yes", "biz_id": "1"}]""".formatted(
                        sent.get("providerMessageId")))
                .post("/api/v1/sms-reports/aliyun/" + DeliveryChannelsTestResource.ALIYUN_CALLBACK_TOKEN)
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("[1].success"));
        RestAssured.given().contentType(ContentType.JSON).body("[{\"success\": false}]")
                .post("/api/v1/sms-reports/aliyun/" + DeliveryChannelsTestResource.ALIYUN_CALLBACK_TOKEN)
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("[0].biz_id"));
        RestAssured.given().contentType(ContentType.JSON).body("{\"not\": \"a list\"")
                .post("/api/v1/sms-reports/aliyun/" + DeliveryChannelsTestResource.ALIYUN_CALLBACK_TOKEN)
                .then().statusCode(400).contentType("application/problem+json");
        RestAssured.given().contentType(ContentType.JSON).body("[{\"success\": true, \"biz_id\": \"unknown^0\"}]")
                .post("/api/v1/sms-reports/aliyun/" + DeliveryChannelsTestResource.ALIYUN_CALLBACK_TOKEN)
                .then().statusCode(200).body("code", equalTo(0));
        assertEquals("DELIVERED", onlyDelivery(volunteerId, "DELIVERED").get("status"));
    }

    @Test
    void tencentsStatusCallbackMarksAnUndeliveredMessageFailed() {
        String phone = phone();
        sms.aliyunAnswers(phone, down());
        String volunteerId = smsVolunteer(phone);
        Inbox.publish(offer(UUID.fromString(volunteerId), Urgency.ROUTINE));
        Map<String, Object> sent = onlyDelivery(volunteerId, "SENT");
        assertEquals("TENCENT", sent.get("provider"));
        String report = """
                [{"user_receive_time": "2026-12-05 18:00:04", "nationcode": "86", "mobile": "%s",
                  "report_status": "FAIL", "errmsg": "MK:0001", "description": "用户关机", "sid": "%s"}]"""
                .formatted(phone, sent.get("providerMessageId"));

        for (int i = 0; i < 2; i++) {
            RestAssured.given().contentType(ContentType.JSON).body(report)
                    .post("/api/v1/sms-reports/tencent/" + DeliveryChannelsTestResource.TENCENT_CALLBACK_TOKEN)
                    .then().statusCode(200).body("result", equalTo(0)).body("errmsg", equalTo("OK"));
            Map<String, Object> failed = onlyDelivery(volunteerId, "FAILED");
            assertEquals("TENCENT reported it undelivered: MK:0001 用户关机", failed.get("lastError"));
        }

        RestAssured.given().contentType(ContentType.JSON).body("[{\"sid\": \"x\", \"report_status\": \"MAYBE\"}]")
                .post("/api/v1/sms-reports/tencent/" + DeliveryChannelsTestResource.TENCENT_CALLBACK_TOKEN)
                .then().statusCode(400).body("violations[0].field", equalTo("[0].report_status"))
                .body("detail", startsWith("[0].report_status"));
        RestAssured.given().contentType(ContentType.JSON).body(report)
                .post("/api/v1/sms-reports/tencent/" + DeliveryChannelsTestResource.ALIYUN_CALLBACK_TOKEN)
                .then().statusCode(404);
    }
}
