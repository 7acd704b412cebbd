package org.linkage.notification.rest;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.linkage.events.GeoPoint;
import org.linkage.events.TimeWindow;
import org.linkage.events.assignment.AssignmentAccepted;
import org.linkage.events.assignment.AssignmentOffered;
import org.linkage.events.assignment.NeedUnmatched;
import org.linkage.events.need.Urgency;
import org.linkage.notification.DeliveryChannelsTestResource;
import org.linkage.notification.Inbox;
import org.linkage.notification.OtherReplica;
import org.linkage.notification.WebhookReceiverStub;
import org.linkage.testing.As;
import org.linkage.testing.Eventually;
import org.linkage.testing.InfrastructureTestResource;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Issue #16: webhook scope (HIGH) and SSRF (HIGH). */
@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
@WithTestResource(DeliveryChannelsTestResource.class)
class WebhookSafetyTest {

    private static final String SECRET = "s3cr3t-s3cr3t-s3cr3t-s3cr3t-s3cr3t";

    WebhookReceiverStub receiver;

    @Inject
    AgroalDataSource dataSource;

    private static RequestSpecification as(String integrator) {
        return As.integrator(integrator, "webhooks:manage");
    }

    private static String newIntegrator() {
        return "integrator-" + UUID.randomUUID();
    }

    /** Integrator and id of every subscription made, ended after each test so no retries outlive it. */
    private final List<String[]> made = new ArrayList<>();

    @AfterEach
    void endSubscriptions() {
        made.forEach(one -> as(one[0]).delete("/api/v1/webhooks/" + one[1]).then().statusCode(204));
    }

    private String subscribe(String integrator, URI endpoint, String... eventTypes) {
        String id = as(integrator).contentType(ContentType.JSON).body("""
                        {"url": "%s", "eventTypes": ["%s"], "secret": "%s"}"""
                        .formatted(endpoint, String.join("\", \"", eventTypes), SECRET))
                .post("/api/v1/webhooks").then().statusCode(201).extract().path("id");
        made.add(new String[]{integrator, id});
        return id;
    }

    private static List<Map<String, Object>> deliveries(String integrator, String subscription,
                                                        Predicate<List<Map<String, Object>>> until) {
        return Eventually.value("the deliveries of " + subscription, () -> as(integrator)
                        .get("/api/v1/webhooks/" + subscription + "/deliveries")
                        .then().statusCode(200).extract().jsonPath().<Map<String, Object>>getList("items"),
                until, Duration.ofSeconds(30));
    }

    /** The delivery and its attempts are read one after the other: both must show the attempt. */
    private static Predicate<List<Map<String, Object>>> attempted(int deliveries) {
        return found -> found.size() == deliveries && found.stream().allMatch(delivery ->
                (Integer) delivery.get("attempts") > 0 && !((List<?>) delivery.get("attemptLog")).isEmpty());
    }

    private static String hmac(String secret, String text) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aUrlAtAnInternalAddressOrOneOfTheSuitesHostsIsRefused422NamingUrlAndStoresNothing() {
        String integrator = newIntegrator();
        for (String url : List.of("http://localhost:8084/api/v1/webhooks", "http://169.254.169.254/latest/meta-data",
                "http://127.0.0.2/", "http://10.0.0.1/hook", "http://172.16.5.4/hook", "http://192.168.1.1/hook",
                "http://100.64.0.1/hook", "http://0.0.0.0:8081/", "http://[::1]/hook", "http://[fe80::1]/hook",
                "http://[fd00::1]/hook", "http://[::ffff:127.0.0.1]/hook", "http://[::ffff:169.254.169.254]/",
                "http://224.0.0.1/hook", "http://255.255.255.255/hook", "http://notification-service:8084/q/health",
                "https://activity-service.linkage.svc.cluster.local/api/v1/needs",
                "http://metadata.google.internal/computeMetadata/v1/")) {
            as(integrator).contentType(ContentType.JSON).body("""
                            {"url": "%s", "eventTypes": ["AssignmentAccepted"], "secret": "%s"}"""
                            .formatted(url, SECRET))
                    .post("/api/v1/webhooks")
                    .then().statusCode(422).contentType("application/problem+json")
                    .body("violations.field", contains("url"));
        }
        as(integrator).get("/api/v1/webhooks").then().statusCode(200).body("totalItems", equalTo(0));
    }

    @Test
    void everyDeliveryChecksTheDestinationAgainAndRecordsOnlyACategory() throws Exception {
        String integrator = newIntegrator();
        URI allowed = receiver.newEndpoint();
        subscribe(integrator, allowed, "AssignmentAccepted");
        // A URL that changed to point inside after it was checked (written as another replica or an older
        // version would have stored it): the same receiver, reached through a refused name.
        URI inside = URI.create(allowed.toString().replace("127.0.0.1", "localhost") + "-inside");
        UUID subscription = UUID.randomUUID();
        OtherReplica.execute(dataSource, """
                INSERT INTO webhook_subscription (id, owner, url, event_types, secret, created_at)
                VALUES (?, ?, ?, '["AssignmentAccepted"]', ?, now())""",
                subscription, integrator, inside.toString(), SECRET);
        made.add(new String[]{integrator, subscription.toString()});

        Inbox.publish(AssignmentAccepted.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), integrator));

        Map<String, Object> refused = deliveries(integrator, subscription.toString(), attempted(1)).get(0);
        assertEquals("destination_refused", refused.get("lastError"));
        Map<?, ?> attempt = (Map<?, ?>) ((List<?>) refused.get("attemptLog")).get(0);
        assertNull(attempt.get("statusCode"));
        assertEquals("destination_refused", attempt.get("error"));
        assertEquals(List.of(), receiver.requestsTo(inside), "nothing reached the refused destination");
    }

    @Test
    void redirectsAreNotFollowedAndAnswersAreNeitherStoredNorShown() {
        String integrator = newIntegrator();
        URI redirecting = receiver.newEndpoint();
        URI redirectTarget = receiver.newEndpoint();
        URI talkative = receiver.newEndpoint();
        URI huge = receiver.newEndpoint();
        receiver.answer(redirecting, new WebhookReceiverStub.Answer(307, "", redirectTarget.toString()));
        receiver.answer(talkative, new WebhookReceiverStub.Answer(500,
                "root:x:0:0:root:/root:/bin/bash java.lang.IllegalStateException", null));
        receiver.answer(huge, new WebhookReceiverStub.Answer(200, "x".repeat(1_000_000), null));
        String toRedirecting = subscribe(integrator, redirecting, "NeedUnmatched");
        String toTalkative = subscribe(integrator, talkative, "NeedUnmatched");
        String toHuge = subscribe(integrator, huge, "NeedUnmatched");

        Inbox.publish(NeedUnmatched.of(UUID.randomUUID(), integrator, "无人接单", 3));

        Map<String, Object> redirected = deliveries(integrator, toRedirecting, attempted(1)).get(0);
        assertEquals("http_307", redirected.get("lastError"));
        assertEquals(1, receiver.requestsTo(redirecting).size());
        assertEquals(List.of(), receiver.requestsTo(redirectTarget), "the redirect was not followed");

        Map<String, Object> talked = deliveries(integrator, toTalkative, attempted(1)).get(0);
        assertEquals("http_500", talked.get("lastError"));
        String shownAfter = as(integrator).get("/api/v1/webhooks/" + toTalkative + "/deliveries").asString();
        assertFalse(shownAfter.contains("root:x") || shownAfter.contains("java.lang"), shownAfter);

        Map<String, Object> answeredAtLength = deliveries(integrator, toHuge,
                found -> found.size() == 1 && "SENT".equals(found.get(0).get("status"))).get(0);
        assertEquals("SENT", answeredAtLength.get("status"), "a 2xx counts, whatever its body");
    }

    @Test
    void integratorBNeverReceivesAnythingOfIntegratorAsAndAGetsOnlyIdsAndACoarseArea() {
        String a = newIntegrator();
        String b = newIntegrator();
        URI aEndpoint = receiver.newEndpoint();
        URI bEndpoint = receiver.newEndpoint();
        String[] everything = Set.copyOf(As.integrator(a, "webhooks:manage")
                .get("/api/v1/webhooks/event-types").then().statusCode(200).extract()
                .jsonPath().getList("eventTypes", String.class)).toArray(String[]::new);
        String aSubscription = subscribe(a, aEndpoint, everything);
        String bSubscription = subscribe(b, bEndpoint, everything);

        // A raised the need; its matching names a volunteer, a home-close place and the need's free text.
        UUID needId = UUID.randomUUID();
        UUID volunteerId = UUID.randomUUID();
        Instant start = Instant.now().plus(Duration.ofDays(1));
        Inbox.publish(new AssignmentOffered(UUID.randomUUID(), needId, volunteerId, a, "HOME_VISIT",
                Urgency.ROUTINE, new TimeWindow(start, start.plus(Duration.ofHours(1))),
                new GeoPoint(39.912345, 116.456789), "张阿姨 13800138000 3号楼502", start));
        Inbox.publish(AssignmentAccepted.of(UUID.randomUUID(), needId, volunteerId, a));
        // A social worker's need: no integrator's.
        Inbox.publish(AssignmentAccepted.of(UUID.randomUUID(), UUID.randomUUID(), volunteerId, "sw-zhang"));
        Inbox.sendMarkerAfter(needId);

        // A's two came through (the marker is a social worker's NeedUnmatched); deliveries for every
        // subscription of an event are added in the one statement that consumes it, so B's are final too.
        List<Map<String, Object>> aDeliveries = deliveries(a, aSubscription, found -> found.size() == 2
                && found.stream().allMatch(delivery -> "SENT".equals(delivery.get("status"))));
        assertEquals(2, aDeliveries.size(), aDeliveries.toString());
        as(b).get("/api/v1/webhooks/" + bSubscription + "/deliveries").then().statusCode(200)
                .body("totalItems", equalTo(0));
        assertEquals(List.of(), receiver.requestsTo(bEndpoint), "B received nothing of A's");

        List<WebhookReceiverStub.Request> received = receiver.requestsTo(aEndpoint);
        assertEquals(2, received.size());
        for (WebhookReceiverStub.Request request : received) {
            for (String personal : List.of("李明", "张阿姨", "13800138000", "3号楼", "39.912345", "116.456789",
                    "requestedBy", "summary", "volunteerName", "traceparent", "sw-zhang")) {
                assertFalse(request.body().contains(personal), personal + " in " + request.body());
            }
            assertEquals(needId.toString(), JsonPath.from(request.body()).getString("payload.needId"));
        }
        JsonPath offered = JsonPath.from(received.stream()
                .filter(request -> "AssignmentOffered".equals(request.header("Linkage-Event-Type")))
                .findFirst().orElseThrow().body());
        assertEquals(39.91, offered.getDouble("payload.area.latitude"), 1e-9);
        assertEquals(116.46, offered.getDouble("payload.area.longitude"), 1e-9);
        assertEquals("HOME_VISIT", offered.getString("payload.category"));
        assertEquals(volunteerId.toString(), offered.getString("payload.volunteerId"));
    }

    @Test
    void aRotatedSecretSignsNextToTheOldOneUntilTheOverlapEndsThenAlone() throws Exception {
        String integrator = newIntegrator();
        URI endpoint = receiver.newEndpoint();
        String subscription = subscribe(integrator, endpoint, "AssignmentAccepted");
        String rotated = "r0tat3d-r0tat3d-r0tat3d-r0tat3d-r0tat3d";
        String rotatedAgain = "again-again-again-again-again-again-1";

        as(integrator).contentType(ContentType.JSON).body("""
                        {"secret": "%s", "overlapMinutes": 60}""".formatted(rotated))
                .post("/api/v1/webhooks/" + subscription + "/secret")
                .then().statusCode(200).body("previousSecretValidUntil", notNullValue()).body("secret", nullValue());
        List<String> overlapping = signaturesOfTheNextDelivery(integrator, endpoint);
        assertEquals(2, overlapping.size() - 1, "t and two v1: " + overlapping);
        String body = receiver.requestsTo(endpoint).get(0).body();
        String t = overlapping.get(0);
        assertEquals(hmac(rotated, t + "." + body), overlapping.get(1), "the new secret first");
        assertEquals(hmac(SECRET, t + "." + body), overlapping.get(2), "the old one still signs");

        // The overlap over (here at once): only the newest secret signs.
        as(integrator).contentType(ContentType.JSON).body("""
                        {"secret": "%s", "overlapMinutes": 0}""".formatted(rotatedAgain))
                .post("/api/v1/webhooks/" + subscription + "/secret")
                .then().statusCode(200).body("previousSecretValidUntil", nullValue());
        List<String> alone = signaturesOfTheNextDelivery(integrator, endpoint);
        assertEquals(2, alone.size(), alone.toString());
        String lastBody = receiver.requestsTo(endpoint).get(1).body();
        assertEquals(hmac(rotatedAgain, alone.get(0) + "." + lastBody), alone.get(1));

        as(newIntegrator()).contentType(ContentType.JSON).body("""
                        {"secret": "%s"}""".formatted(rotated))
                .post("/api/v1/webhooks/" + subscription + "/secret").then().statusCode(403);
        as(integrator).contentType(ContentType.JSON).body("""
                        {"secret": "short", "overlapMinutes": -1}""")
                .post("/api/v1/webhooks/" + subscription + "/secret").then().statusCode(400)
                .contentType("application/problem+json");
    }

    /** Publishes an event of the integrator's and returns t and the v1 values of its delivery's signature. */
    private List<String> signaturesOfTheNextDelivery(String integrator, URI endpoint) {
        int before = receiver.requestsTo(endpoint).size();
        Inbox.publish(AssignmentAccepted.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), integrator));
        Eventually.value("a delivery to " + endpoint, () -> receiver.requestsTo(endpoint).size(),
                count -> count > before, Duration.ofSeconds(30));
        String signature = receiver.requestsTo(endpoint).get(before).header("Linkage-Signature");
        return List.of(signature.split(",")).stream()
                .map(part -> part.substring(part.indexOf('=') + 1)).toList();
    }
}
