package org.linkage.notification.push;

import com.eatthepath.pushy.apns.server.RejectionReason;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linkage.events.GeoPoint;
import org.linkage.events.TimeWindow;
import org.linkage.events.assignment.AssignmentOffered;
import org.linkage.events.need.Urgency;
import org.linkage.notification.Inbox;
import org.linkage.testing.Eventually;
import org.linkage.testing.InfrastructureTestResource;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An offer or an emergency reaches the volunteer's registered phones through the real request shapes of APNs (at
 * Pushy's mock server over HTTP/2 and TLS), FCM HTTP v1 and Huawei Push Kit (at WireMock); the providers' "token no
 * longer valid" answers remove the device; 429 with Retry-After is retried, not before it says.
 */
@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
@WithTestResource(PushTestResource.class)
class PushDeliveryTest {

    private static final String FCM_SEND = "/fcm/v1/projects/" + PushTestResource.FCM_PROJECT + "/messages:send";
    private static final String HUAWEI_SEND = "/huawei/v1/" + PushTestResource.HUAWEI_CLIENT_ID + "/messages:send";
    private static final String SUMMARY = "陪同老人去社区医院复诊";

    PushFakes fakes;

    @BeforeEach
    void tokenEndpoints() {
        WireMock wireMock = new WireMock(fakes.wireMock().port());
        wireMock.register(post(urlEqualTo("/google/token"))
                .willReturn(okJson("{\"access_token\": \"ya29.test-access\", \"expires_in\": 3599, "
                        + "\"token_type\": \"Bearer\"}")));
        wireMock.register(post(urlEqualTo("/huawei-oauth/oauth2/v3/token"))
                .willReturn(okJson("{\"access_token\": \"CV7huawei-access\", \"expires_in\": 3600, "
                        + "\"token_type\": \"Bearer\"}")));
    }

    private WireMock wireMock() {
        return new WireMock(fakes.wireMock().port());
    }

    static String registered(String volunteer, String platform, String route, String token) {
        return DeviceResourceTest.register(volunteer, DeviceResourceTest.body(platform, route, token)).statusCode(201)
                .extract().jsonPath().getString("id");
    }

    static AssignmentOffered offer(UUID volunteerId, Urgency urgency) {
        return offer(volunteerId, urgency, "sw-zhang");
    }

    static AssignmentOffered offer(UUID volunteerId, Urgency urgency, String requestedBy) {
        Instant start = Instant.now().plus(Duration.ofHours(2));
        return AssignmentOffered.of(UUID.randomUUID(), UUID.randomUUID(), volunteerId, requestedBy, "助老陪伴", urgency,
                new TimeWindow(start, start.plus(Duration.ofHours(1))), new GeoPoint(31.23, 121.47), SUMMARY,
                Instant.now().plus(Duration.ofMinutes(30)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }

    static <T> T await(Supplier<T> probe, Predicate<T> until) {
        return Eventually.latest("the push deliveries", probe, until, Duration.ofSeconds(20));
    }

    static List<Map<String, Object>> pushDeliveries(String recipient) {
        List<Map<String, Object>> all = Inbox.as(recipient).queryParam("recipient", recipient)
                .get("/api/v1/deliveries").then().statusCode(200).extract().jsonPath().getList("items");
        return all.stream().filter(delivery -> "PUSH".equals(delivery.get("channel"))).toList();
    }

    private static Predicate<List<Map<String, Object>>> settled(int count) {
        return found -> found.size() == count && found.stream().noneMatch(d -> "PENDING".equals(d.get("status")));
    }

    private List<LoggedRequest> requestsFor(String path, String tokenPath, String token) {
        return wireMock().find(postRequestedFor(urlEqualTo(path)).withRequestBody(matchingJsonPath(tokenPath,
                equalTo(token))));
    }

    @Test
    void anEmergencyWakesTheRegisteredIphoneTimeSensitiveWithADeepLinkAndNothingPersonal() {
        UUID volunteer = UUID.randomUUID();
        String token = DeviceResourceTest.apnsToken();
        String deviceId = registered(volunteer.toString(), "IOS", "APNS", token);
        AssignmentOffered offer = offer(volunteer, Urgency.EMERGENCY);
        Inbox.publish(offer);

        List<FakeApns.Push> pushes = await(() -> fakes.apns().pushesTo(token), found -> !found.isEmpty());
        assertEquals(1, pushes.size(), pushes.toString());
        FakeApns.Push push = pushes.get(0);
        assertEquals(PushTestResource.APNS_TOPIC, push.topic());
        assertEquals("alert", push.pushType());
        assertEquals("10", push.priority());
        assertEquals("need-" + offer.needId(), push.collapseId());
        assertEquals(String.valueOf(offer.expiresAt().getEpochSecond()), push.expiration(), "expires with the offer");
        assertTrue(push.bearerToken(), "token (.p8) authentication");
        JsonPath payload = JsonPath.from(push.payload());
        assertEquals("time-sensitive", payload.getString("aps.interruption-level"));
        assertTrue(payload.getString("aps.alert.title").startsWith("【紧急救助】新的服务邀请"), push.payload());
        assertEquals("请打开 Linkage 查看详情，接受或谢绝。", payload.getString("aps.alert.body"));
        assertEquals("linkage://offers/" + offer.assignmentId(), payload.getString("link"));
        assertEquals(offer.needId().toString(), payload.getString("needId"));
        assertFalse(push.payload().contains(SUMMARY), "the need's summary stays off the lock screen");
        assertFalse(push.payload().contains("acceptLink") || push.payload().contains("http"), push.payload());

        List<Map<String, Object>> deliveries = await(() -> pushDeliveries(volunteer.toString()), settled(1));
        assertEquals("SENT", deliveries.get(0).get("status"), deliveries.toString());
        assertEquals(deviceId, deliveries.get(0).get("destination"), "the device's id, never its token");
    }

    @Test
    void aRoutineOfferGoesThroughFcmV1WithAServiceAccountTokenAndHighPriority() throws Exception {
        UUID volunteer = UUID.randomUUID();
        String token = DeviceResourceTest.fcmToken();
        registered(volunteer.toString(), "ANDROID", "FCM", token);
        wireMock().register(post(urlEqualTo(FCM_SEND)).withRequestBody(matchingJsonPath("$.message.token",
                equalTo(token))).willReturn(okJson("{\"name\": \"projects/linkage-test/messages/0:150041531\"}")));
        AssignmentOffered offer = offer(volunteer, Urgency.ROUTINE);
        Inbox.publish(offer);

        List<Map<String, Object>> deliveries = await(() -> pushDeliveries(volunteer.toString()), settled(1));
        assertEquals("SENT", deliveries.get(0).get("status"), deliveries.toString());
        List<LoggedRequest> sent = requestsFor(FCM_SEND, "$.message.token", token);
        assertEquals(1, sent.size());
        LoggedRequest request = sent.get(0);
        assertEquals("Bearer ya29.test-access", request.getHeader("Authorization"));
        assertTrue(request.getHeader("Content-Type").startsWith("application/json"));
        JsonPath body = JsonPath.from(request.getBodyAsString());
        assertTrue(body.getString("message.notification.title").contains("新的服务邀请"), request.getBodyAsString());
        assertEquals("HIGH", body.getString("message.android.priority"));
        assertEquals("need-" + offer.needId(), body.getString("message.android.collapse_key"));
        assertTrue(body.getString("message.android.ttl").matches("1[0-9]{3}s"), body.getString("message.android.ttl"));
        assertEquals("linkage://offers/" + offer.assignmentId(), body.getString("message.data.link"));
        assertEquals("OFFER_RECEIVED", body.getString("message.data.kind"));
        assertFalse(request.getBodyAsString().contains(SUMMARY));

        // The access token came from the JWT bearer grant, signed by the service account's key.
        LoggedRequest exchange = wireMock().find(postRequestedFor(urlEqualTo("/google/token"))).get(0);
        Map<String, String> form = Arrays.stream(exchange.getBodyAsString().split("&"))
                .map(pair -> pair.split("=", 2)).collect(Collectors.toMap(pair -> pair[0],
                        pair -> URLDecoder.decode(pair[1], StandardCharsets.UTF_8)));
        assertEquals("urn:ietf:params:oauth:grant-type:jwt-bearer", form.get("grant_type"));
        String[] jwt = form.get("assertion").split("\\.");
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initVerify(fakes.fcmServiceAccount());
        rs256.update((jwt[0] + "." + jwt[1]).getBytes(StandardCharsets.US_ASCII));
        assertTrue(rs256.verify(Base64.getUrlDecoder().decode(jwt[2])), "signed by the service account");
        JsonPath claims = JsonPath.from(new String(Base64.getUrlDecoder().decode(jwt[1]), StandardCharsets.UTF_8));
        assertEquals(PushTestResource.FCM_CLIENT_EMAIL, claims.getString("iss"));
        assertEquals("https://www.googleapis.com/auth/firebase.messaging", claims.getString("scope"));
        assertTrue(claims.getString("aud").endsWith("/google/token"));
    }

    @Test
    void aHuaweiPhoneGetsAServiceClassAlertThroughPushKit() {
        UUID volunteer = UUID.randomUUID();
        String token = DeviceResourceTest.huaweiToken();
        registered(volunteer.toString(), "ANDROID", "HUAWEI", token);
        wireMock().register(post(urlEqualTo(HUAWEI_SEND)).withRequestBody(matchingJsonPath("$.message.token[0]",
                equalTo(token))).willReturn(okJson("{\"code\": \"80000000\", \"msg\": \"Success\", "
                + "\"requestId\": \"161736223486427712101\"}")));
        AssignmentOffered offer = offer(volunteer, Urgency.EMERGENCY);
        Inbox.publish(offer);

        List<Map<String, Object>> deliveries = await(() -> pushDeliveries(volunteer.toString()), settled(1));
        assertEquals("SENT", deliveries.get(0).get("status"), deliveries.toString());
        List<LoggedRequest> sent = requestsFor(HUAWEI_SEND, "$.message.token[0]", token);
        assertEquals(1, sent.size());
        assertEquals("Bearer CV7huawei-access", sent.get(0).getHeader("Authorization"));
        JsonPath body = JsonPath.from(sent.get(0).getBodyAsString());
        assertEquals(false, body.getBoolean("validate_only"));
        assertEquals("WORK", body.getString("message.android.category"), "a service class, not marketing");
        assertEquals("HIGH", body.getString("message.android.urgency"));
        assertEquals("NORMAL", body.getString("message.android.notification.importance"));
        assertEquals(1, body.getInt("message.android.notification.click_action.type"));
        assertEquals("linkage://offers/" + offer.assignmentId(),
                body.getString("message.android.notification.click_action.intent"));
        assertTrue(body.getString("message.android.notification.title").startsWith("【紧急救助】"));
        assertFalse(sent.get(0).getBodyAsString().contains(SUMMARY));

        LoggedRequest exchange = wireMock().find(postRequestedFor(urlEqualTo("/huawei-oauth/oauth2/v3/token")))
                .get(0);
        assertTrue(exchange.getBodyAsString().contains("grant_type=client_credentials"));
        assertTrue(exchange.getBodyAsString().contains("client_id=" + PushTestResource.HUAWEI_CLIENT_ID));
        assertTrue(exchange.getBodyAsString().contains("client_secret=" + PushTestResource.HUAWEI_CLIENT_SECRET));
    }

    @Test
    void tokensTheProvidersCallInvalidRemoveTheirDevicesWithoutRetrying() {
        UUID volunteer = UUID.randomUUID();
        String iphone = DeviceResourceTest.apnsToken();
        String oldIphone = DeviceResourceTest.apnsToken();
        String android = DeviceResourceTest.fcmToken();
        String huawei = DeviceResourceTest.huaweiToken();
        String keeper = DeviceResourceTest.apnsToken();
        registered(volunteer.toString(), "IOS", "APNS", iphone);
        registered(volunteer.toString(), "IOS", "APNS", oldIphone);
        registered(volunteer.toString(), "ANDROID", "FCM", android);
        registered(volunteer.toString(), "ANDROID", "HUAWEI", huawei);
        registered(volunteer.toString(), "IOS", "APNS", keeper);
        fakes.apns().reject(iphone, RejectionReason.UNREGISTERED);
        fakes.apns().reject(oldIphone, RejectionReason.BAD_DEVICE_TOKEN);
        wireMock().register(post(urlEqualTo(FCM_SEND)).withRequestBody(matchingJsonPath("$.message.token",
                equalTo(android))).willReturn(aResponse().withStatus(404).withHeader("Content-Type",
                "application/json").withBody("""
                {"error": {"code": 404, "message": "Requested entity was not found.", "status": "NOT_FOUND",
                 "details": [{"@type": "type.googleapis.com/google.firebase.fcm.v1.FcmError",
                              "errorCode": "UNREGISTERED"}]}}""")));
        wireMock().register(post(urlEqualTo(HUAWEI_SEND)).withRequestBody(matchingJsonPath("$.message.token[0]",
                equalTo(huawei))).willReturn(okJson("{\"code\": \"80300007\", \"msg\": \"All the tokens are "
                + "invalid\", \"requestId\": \"161736223486427712102\"}")));
        Inbox.publish(offer(volunteer, Urgency.ROUTINE));

        List<Map<String, Object>> deliveries = await(() -> pushDeliveries(volunteer.toString()), settled(5));
        assertEquals(5, deliveries.size(), deliveries.toString());
        List<Map<String, Object>> failed = deliveries.stream().filter(d -> "FAILED".equals(d.get("status"))).toList();
        assertEquals(4, failed.size(), deliveries.toString());
        failed.forEach(d -> assertEquals(1, d.get("attempts"), "not retried: " + d));
        assertTrue(failed.stream().anyMatch(d -> String.valueOf(d.get("lastError")).contains("Unregistered")));
        assertTrue(failed.stream().anyMatch(d -> String.valueOf(d.get("lastError")).contains("BadDeviceToken")));
        assertTrue(failed.stream().anyMatch(d -> String.valueOf(d.get("lastError")).contains("UNREGISTERED")));
        assertTrue(failed.stream().anyMatch(d -> String.valueOf(d.get("lastError")).contains("80300007")));
        deliveries.forEach(d -> assertFalse(d.toString().contains(iphone) || d.toString().contains(android)
                || d.toString().contains(huawei), "a token in " + d));
        assertEquals(List.of("…" + keeper.substring(58)), DeviceResourceTest.hints(volunteer.toString()));
        assertEquals(1, fakes.apns().pushesTo(keeper).size());
    }

    @Test
    void a429WithRetryAfterIsRetriedNoSoonerThanItSays() {
        UUID volunteer = UUID.randomUUID();
        String token = DeviceResourceTest.fcmToken();
        registered(volunteer.toString(), "ANDROID", "FCM", token);
        String scenario = "quota-" + token;
        wireMock().register(post(urlEqualTo(FCM_SEND)).inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
                .withRequestBody(matchingJsonPath("$.message.token", equalTo(token)))
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2")
                        .withHeader("Content-Type", "application/json").withBody("""
                        {"error": {"code": 429, "message": "Quota exceeded.", "status": "RESOURCE_EXHAUSTED",
                         "details": [{"@type": "type.googleapis.com/google.firebase.fcm.v1.FcmError",
                                      "errorCode": "QUOTA_EXCEEDED"}]}}"""))
                .willSetStateTo("recovered"));
        wireMock().register(post(urlEqualTo(FCM_SEND)).inScenario(scenario).whenScenarioStateIs("recovered")
                .withRequestBody(matchingJsonPath("$.message.token", equalTo(token)))
                .willReturn(okJson("{\"name\": \"projects/linkage-test/messages/0:1500415314455277\"}")));
        Inbox.publish(offer(volunteer, Urgency.ROUTINE));

        List<Map<String, Object>> deliveries = await(() -> pushDeliveries(volunteer.toString()), settled(1));
        assertEquals("SENT", deliveries.get(0).get("status"), deliveries.toString());
        assertEquals(2, deliveries.get(0).get("attempts"));
        List<LoggedRequest> sent = requestsFor(FCM_SEND, "$.message.token", token);
        assertEquals(2, sent.size());
        Duration gap = Duration.between(sent.get(0).getLoggedDate().toInstant(),
                sent.get(1).getLoggedDate().toInstant());
        assertTrue(gap.compareTo(Duration.ofMillis(1900)) >= 0, "retried after " + gap + ", before Retry-After");
    }
}
