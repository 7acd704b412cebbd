package org.linkage.notification.rest;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.linkage.events.EventEnvelope;
import org.linkage.events.Topics;
import org.linkage.events.assignment.AssignmentAccepted;
import org.linkage.events.assignment.AssignmentDeclined;
import org.linkage.events.assignment.AssignmentProposed;
import org.linkage.events.assignment.AssignmentWithdrawn;
import org.linkage.notification.DeliveryChannelsTestResource;
import org.linkage.notification.Inbox;
import org.linkage.notification.OtherReplica;
import org.linkage.notification.WebhookReceiverStub;
import org.linkage.notification.domain.Language;
import org.linkage.notification.service.PreferenceService;
import org.linkage.testing.As;
import org.linkage.testing.Eventually;
import org.linkage.testing.InfrastructureTestResource;
import org.linkage.testing.Tokens;
import org.linkage.testing.TopicProbe;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.linkage.events.assignment.AssignmentWithdrawn.Withdrawer.STAFF;

@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
@WithTestResource(DeliveryChannelsTestResource.class)
class WebhookTest {

    private static final String SECRET = "s3cr3t-s3cr3t-s3cr3t-s3cr3t-s3cr3t";

    WebhookReceiverStub receiver;

    @Inject
    MeterRegistry registry;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    PreferenceService preferences;

    /** The integrator of this test. */
    private final String owner = "integrator-" + UUID.randomUUID();

    private static RequestSpecification as(String integrator) {
        return As.integrator(integrator, "webhooks:manage");
    }

    private RequestSpecification asOwner() {
        return as(owner);
    }

    private ValidatableResponse subscribe(String body) {
        return asOwner().contentType(ContentType.JSON).body(body).post("/api/v1/webhooks").then();
    }

    /** Subscribes the endpoint to the event types and returns the subscription id. */
    private String subscribe(URI endpoint, String... eventTypes) {
        String types = String.join("\", \"", eventTypes);
        return subscribe("""
                {"url": "%s", "eventTypes": ["%s"], "secret": "%s"}""".formatted(endpoint, types, SECRET))
                .statusCode(201).extract().path("id");
    }

    /** The subscription's deliveries once the predicate holds for them, waiting up to 30 s. */
    private List<Map<String, Object>> deliveries(String subscription, Predicate<List<Map<String, Object>>> until) {
        return Eventually.value("the deliveries of " + subscription, () -> asOwner()
                        .get("/api/v1/webhooks/" + subscription + "/deliveries")
                        .then().statusCode(200).extract().jsonPath().<Map<String, Object>>getList("items"),
                until, Duration.ofSeconds(30));
    }

    private static Predicate<List<Map<String, Object>>> one(String status) {
        return all(status, 1);
    }

    private static Predicate<List<Map<String, Object>>> all(String status, int count) {
        return found -> found.size() == count && found.stream().allMatch(item -> status.equals(item.get("status")));
    }

    private static String hmacSha256Hex(String secret, String text) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }

    private double counted(String outcome) {
        var counter = registry.find("linkage.notifications").tags("channel", "webhook", "outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void aSubscriptionIsCreatedListedReadAndDeletedAndItsSecretNeverShown() {
        String body = """
                {"url": "https://city-platform.example.cn/linkage", "eventTypes": ["AssignmentAccepted",
                 "NeedUnmatched", "AssignmentAccepted"], "secret": "%s", "description": "City platform"}"""
                .formatted(SECRET);
        var created = asOwner().contentType(ContentType.JSON)
                .header("Idempotency-Key", "create-" + owner).body(body).post("/api/v1/webhooks")
                .then().statusCode(201)
                .body("owner", equalTo(owner))
                .body("url", equalTo("https://city-platform.example.cn/linkage"))
                .body("eventTypes", contains("AssignmentAccepted", "NeedUnmatched"))
                .body("description", equalTo("City platform"))
                .body("secret", nullValue())
                .extract();
        String id = created.path("id");
        assertTrue(created.header("Location").endsWith("/api/v1/webhooks/" + id), created.header("Location"));
        assertFalse(created.asString().contains(SECRET));

        asOwner().contentType(ContentType.JSON).header("Idempotency-Key", "create-" + owner)
                .body(body).post("/api/v1/webhooks").then().statusCode(201).body("id", equalTo(id));
        asOwner().get("/api/v1/webhooks").then().statusCode(200)
                .body("totalItems", equalTo(1)).body("items[0].id", equalTo(id));
        asOwner().get("/api/v1/webhooks/" + id).then().statusCode(200).body("owner", equalTo(owner))
                .body("secret", nullValue());

        asOwner().delete("/api/v1/webhooks/" + id).then().statusCode(204);
        asOwner().get("/api/v1/webhooks/" + id).then().statusCode(404).contentType("application/problem+json");
        asOwner().delete("/api/v1/webhooks/" + id).then().statusCode(404).contentType("application/problem+json");
        asOwner().get("/api/v1/webhooks").then().statusCode(200).body("totalItems", equalTo(0));
    }

    @Test
    void subscriptionsAreTheOwningIntegratorsOrAnAdmins() {
        String id = subscribe(receiver.newEndpoint(), "AssignmentAccepted");
        String other = "integrator-" + UUID.randomUUID();
        String admin = Tokens.admin("admin-1");

        as(other).get("/api/v1/webhooks/" + id).then().statusCode(403).contentType("application/problem+json");
        as(other).get("/api/v1/webhooks/" + id + "/deliveries").then().statusCode(403);
        as(other).post("/api/v1/webhooks/" + id + "/deliveries/" + UUID.randomUUID() + "/redeliver")
                .then().statusCode(403);
        as(other).delete("/api/v1/webhooks/" + id).then().statusCode(403);
        as(other).queryParam("owner", owner).get("/api/v1/webhooks").then().statusCode(403);
        as(other).get("/api/v1/webhooks").then().statusCode(200).body("totalItems", equalTo(0));
        As.integrator(owner, "needs:write").get("/api/v1/webhooks/" + id)
                .then().statusCode(403).contentType("application/problem+json");
        As.volunteer(UUID.randomUUID()).get("/api/v1/webhooks/" + id)
                .then().statusCode(403);

        As.token(admin).get("/api/v1/webhooks/" + id).then().statusCode(200)
                .body("owner", equalTo(owner));
        As.token(admin).queryParam("owner", owner).get("/api/v1/webhooks").then().statusCode(200)
                .body("items.id", contains(id));
        // Naming no owner, an admin sees every integrator's subscriptions.
        String othersId = as(other).contentType(ContentType.JSON).body("""
                        {"url": "%s", "eventTypes": ["NeedUnmatched"], "secret": "%s"}"""
                        .formatted(receiver.newEndpoint(), SECRET))
                .post("/api/v1/webhooks").then().statusCode(201).extract().path("id");
        As.token(admin).queryParam("size", 100).get("/api/v1/webhooks").then().statusCode(200)
                .body("items.id", hasItems(id, othersId)).body("items.owner", hasItems(owner, other));
        as(other).get("/api/v1/webhooks").then().statusCode(200).body("items.id", contains(othersId));
        asOwner().get("/api/v1/webhooks/" + id).then().statusCode(200);
    }

    @Test
    void theCatalogueListsTheEventTypesOnOffer() {
        asOwner().get("/api/v1/webhooks/event-types").then().statusCode(200)
                .body("eventTypes", hasItems("AssignmentOffered", "AssignmentAccepted", "NeedUnmatched"))
                .body("eventTypes", not(hasItem("ActivitySignUpConfirmed")))
                .body("eventTypes", not(hasItem("AttendanceRecorded")))
                .body("eventTypes", not(hasItem("VolunteerRegistered")));
    }

    @Test
    void badSubscriptionsAreAProblemNamingTheFieldAndStoreNothing() {
        rejects("""
                {"url": "ftp://files.example.cn/drop", "eventTypes": ["AssignmentAccepted"], "secret": "%s"}""",
                "url");
        rejects("""
                {"url": "not a url", "eventTypes": ["AssignmentAccepted"], "secret": "%s"}""", "url");
        rejects("""
                {"url": "https:///no-host", "eventTypes": ["AssignmentAccepted"], "secret": "%s"}""", "url");
        rejects("""
                {"url": "https://example.cn/hook", "eventTypes": ["VolunteerRegistered"], "secret": "%s"}""",
                "eventTypes");
        rejects("""
                {"url": "https://example.cn/hook", "eventTypes": ["AttendanceRecorded"], "secret": "%s"}""",
                "eventTypes");
        rejects("""
                {"url": "https://example.cn/hook", "eventTypes": [], "secret": "%s"}""", "eventTypes");
        subscribe("""
                {"url": "https://example.cn/hook", "eventTypes": ["AssignmentAccepted"], "secret": "too-short"}""")
                .statusCode(400).contentType("application/problem+json").body("violations.field", contains("secret"));
        subscribe("""
                {"url": "https://example.cn/hook", "eventTypes": ["AssignmentAccepted"]}""")
                .statusCode(400).contentType("application/problem+json").body("violations.field", contains("secret"));
        As.admin("admin-1").contentType(ContentType.JSON).body("""
                        {"url": "https://example.cn/hook", "eventTypes": ["AssignmentAccepted"], "secret": "%s"}"""
                        .formatted(SECRET)).post("/api/v1/webhooks")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", contains("owner"));

        asOwner().get("/api/v1/webhooks").then().statusCode(200).body("totalItems", equalTo(0));
    }

    @Test
    void aSubscriptionCannotPointInsideTheSuiteOrTheCloudsPrivateAddresses() {
        for (String url : List.of("http://localhost:8081/api/v1/volunteers", "http://127.0.0.2/hook",
                "http://169.254.169.254/latest/meta-data/", "http://10.0.0.7/hook", "http://192.168.1.1/hook",
                "http://172.16.0.1/hook", "http://100.64.0.1/hook", "http://[::1]/hook", "http://[fd00::1]/hook",
                "http://[::ffff:127.0.0.1]/hook", "http://0.0.0.0/hook", "http://224.0.0.1/hook",
                "http://notification-service:8084/q/metrics", "http://kafka.linkage.svc.cluster.local/x")) {
            subscribe("""
                    {"url": "%s", "eventTypes": ["AssignmentAccepted"], "secret": "%s"}""".formatted(url, SECRET))
                    .statusCode(422).contentType("application/problem+json")
                    .body("violations.field", contains("url"));
        }
        asOwner().get("/api/v1/webhooks").then().statusCode(200).body("totalItems", equalTo(0));
    }

    private void rejects(String template, String field) {
        subscribe(template.formatted(SECRET)).statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("violations.field", contains(field));
    }

    @Test
    void aDeliveryCarriesTheEnvelopeSignedWithTheSecretOnceEvenWhenTheEventComesTwice() throws Exception {
        URI endpoint = receiver.newEndpoint();
        String subscription = subscribe(endpoint, "AssignmentAccepted");
        UUID needId = UUID.randomUUID();
        Inbox.publish(AssignmentDeclined.of(UUID.randomUUID(), needId, UUID.randomUUID(), owner, "没空"));
        EventEnvelope accepted = Inbox.publish(AssignmentAccepted.of(UUID.randomUUID(), needId, UUID.randomUUID(),
                owner));
        TopicProbe.send(Topics.ASSIGNMENT_EVENTS, accepted);
        Inbox.sendMarkerAfter(needId);

        Map<String, Object> delivery = deliveries(subscription, one("SENT")).get(0);
        assertEquals("SENT", delivery.get("status"));
        assertEquals(accepted.eventId().toString(), delivery.get("eventId"));
        assertEquals("AssignmentAccepted", delivery.get("eventType"));
        assertEquals(1, delivery.get("attempts"));
        List<Map<String, Object>> log = (List<Map<String, Object>>) delivery.get("attemptLog");
        assertEquals(1, log.size());
        assertEquals(204, log.get(0).get("statusCode"));
        assertEquals(null, log.get(0).get("error"));

        List<WebhookReceiverStub.Request> posts = receiver.requestsTo(endpoint);
        assertEquals(1, posts.size(), "the declined offer was not subscribed to, the duplicate not delivered");
        WebhookReceiverStub.Request post = posts.get(0);
        assertEquals(accepted.eventId().toString(), post.header("Linkage-Event-Id"));
        assertEquals("AssignmentAccepted", post.header("Linkage-Event-Type"));
        assertEquals(delivery.get("id"), post.header("Linkage-Delivery-Id"));
        assertTrue(post.header("Content-Type").startsWith("application/json"));
        JsonPath body = JsonPath.from(post.body());
        assertEquals(accepted.eventId().toString(), body.getString("eventId"));
        assertEquals(accepted.payload().get("assignmentId").asText(), body.getString("payload.assignmentId"));
        assertNull(body.get("payload.volunteerName"), "integrators are not told volunteers' names");

        String signature = post.header("Linkage-Signature");
        assertNotNull(signature);
        String timestamp = signature.substring("t=".length(), signature.indexOf(','));
        String v1 = signature.substring(signature.indexOf(",v1=") + ",v1=".length());
        assertEquals(hmacSha256Hex(SECRET, timestamp + "." + post.body()), v1, "signature verifies with the secret");
        assertFalse(v1.equals(hmacSha256Hex("another-secret-another-secret-1234", timestamp + "." + post.body())));
        long signedAt = Long.parseLong(timestamp);
        assertTrue(Math.abs(signedAt - post.at().getEpochSecond()) <= 2, "t is the time of the attempt");
    }

    @Test
    void aVolunteersOwnOfferAndItsWithdrawalReachTheNeedsRaiserSayingWhoWithdrewIt() {
        URI endpoint = receiver.newEndpoint();
        String subscription = subscribe(endpoint, "AssignmentProposed", "AssignmentWithdrawn");
        UUID assignmentId = UUID.randomUUID();
        UUID needId = UUID.randomUUID();
        UUID volunteerId = UUID.randomUUID();
        Inbox.publish(AssignmentProposed.of(assignmentId, needId, volunteerId, owner));
        Inbox.publish(AssignmentWithdrawn.of(assignmentId, needId, volunteerId, owner,
                AssignmentWithdrawn.Withdrawer.VOLUNTEER));

        assertEquals(2, deliveries(subscription, all("SENT", 2)).size());
        List<JsonPath> bodies = receiver.requestsTo(endpoint).stream().map(post -> JsonPath.from(post.body()))
                .toList();
        assertEquals(List.of("AssignmentProposed", "AssignmentWithdrawn"),
                bodies.stream().map(body -> body.getString("eventType")).sorted().toList());
        JsonPath withdrawn = bodies.stream().filter(body -> body.getString("eventType").equals("AssignmentWithdrawn"))
                .findFirst().orElseThrow();
        assertEquals(Map.of("assignmentId", assignmentId.toString(), "needId", needId.toString(),
                "volunteerId", volunteerId.toString(), "withdrawnBy", "VOLUNTEER"), withdrawn.getMap("payload"));
    }

    @Test
    void aSubscriptionAddedOnAnotherReplicaGetsTheEventsConsumedHereOnceHeardOf() throws Exception {
        // No test subscribes to withdrawn offers, so after consuming one this replica remembers nobody wants them.
        UUID volunteerId = UUID.randomUUID();
        Inbox.publish(AssignmentWithdrawn.of(UUID.randomUUID(), UUID.randomUUID(), volunteerId, owner, STAFF));
        assertEquals(1, Inbox.await(volunteerId.toString(), 1).size());
        // Signals are heard in commit order: once this person's later change is heard, so is the subscription.
        String marker = "sw-" + UUID.randomUUID();
        assertEquals(Language.ZH_CN, preferences.of(marker).language);

        UUID subscription = UUID.randomUUID();
        OtherReplica.execute(dataSource, """
                WITH subscribed AS (
                    INSERT INTO webhook_subscription (id, owner, url, event_types, secret, created_at)
                    VALUES (?, ?, ?, '["AssignmentWithdrawn"]', ?, now()) RETURNING id),
                marked AS (
                    INSERT INTO recipient_preference (recipient, channels, language, updated_at)
                    VALUES (?, '{}', 'EN', now()) RETURNING recipient)
                SELECT pg_notify('linkage_webhook_subscriptions_changed', CAST(subscribed.id AS TEXT)),
                       pg_notify('linkage_preference_changed', marked.recipient)
                FROM subscribed, marked""", subscription, owner, receiver.newEndpoint().toString(), SECRET, marker);
        assertEquals(Language.EN, OtherReplica.awaitLanguage(preferences, marker, Language.EN),
                "the other replica's signals were not heard");

        try {
            EventEnvelope withdrawn = Inbox.publish(AssignmentWithdrawn.of(UUID.randomUUID(), UUID.randomUUID(),
                    UUID.randomUUID(), owner, STAFF));
            List<Map<String, Object>> delivered = deliveries(subscription.toString(), one("SENT"));
            assertEquals(1, delivered.size(), delivered.toString());
            assertEquals(withdrawn.eventId().toString(), delivered.get(0).get("eventId"));
        } finally {
            asOwner().delete("/api/v1/webhooks/" + subscription).then().statusCode(204);
        }
    }

    @Test
    void aFailingEndpointIsRetriedWithGrowingDelaysThenMarkedFailedAndCanBeRedelivered() {
        URI endpoint = receiver.newEndpoint();
        receiver.failUntilRecovered(endpoint);
        String subscription = subscribe(endpoint, "AssignmentAccepted");
        double failedBefore = counted("failed");
        EventEnvelope accepted = Inbox.publish(AssignmentAccepted.of(UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), owner));

        Map<String, Object> failed = deliveries(subscription, one("FAILED")).get(0);
        assertEquals("FAILED", failed.get("status"));
        assertEquals(DeliveryChannelsTestResource.WEBHOOK_MAX_ATTEMPTS, failed.get("attempts"));
        assertEquals("http_503", failed.get("lastError"), "a status, never what the target answered");
        List<Map<String, Object>> log = (List<Map<String, Object>>) failed.get("attemptLog");
        assertEquals(DeliveryChannelsTestResource.WEBHOOK_MAX_ATTEMPTS, log.size());
        assertTrue(log.stream().allMatch(attempt -> Integer.valueOf(503).equals(attempt.get("statusCode"))
                && "http_503".equals(attempt.get("error"))), log.toString());
        assertEquals(DeliveryChannelsTestResource.WEBHOOK_MAX_ATTEMPTS, receiver.requestsTo(endpoint).size());
        assertEquals(failedBefore + 1, counted("failed"));

        // The recorded attempts: each retry waited at least twice as long as the one before (0.5 s, 1 s, 2 s).
        Duration least = Duration.parse(DeliveryChannelsTestResource.WEBHOOK_FIRST_RETRY_AFTER);
        List<Instant> times = log.stream().map(attempt -> Instant.parse((String) attempt.get("attemptedAt"))).toList();
        for (int i = 1; i < times.size(); i++) {
            Duration waited = Duration.between(times.get(i - 1), times.get(i));
            assertFalse(waited.compareTo(least) < 0, "retry " + i + " after " + waited + ", expected " + least);
            least = least.multipliedBy(2);
        }
        assertTrue(Duration.between(times.get(2), times.get(3)).compareTo(Duration.between(times.get(0), times.get(1)))
                > 0, "delays grow: " + times);

        receiver.recover(endpoint);
        asOwner().post("/api/v1/webhooks/" + subscription + "/deliveries/" + failed.get("id") + "/redeliver")
                .then().statusCode(202).body("status", equalTo("PENDING")).body("attempts", equalTo(0))
                .body("attemptLog.size()", equalTo(DeliveryChannelsTestResource.WEBHOOK_MAX_ATTEMPTS));

        Map<String, Object> redelivered = deliveries(subscription, one("SENT")).get(0);
        assertEquals(1, redelivered.get("attempts"));
        List<Map<String, Object>> fullLog = (List<Map<String, Object>>) redelivered.get("attemptLog");
        assertEquals(DeliveryChannelsTestResource.WEBHOOK_MAX_ATTEMPTS + 1, fullLog.size());
        assertEquals(204, fullLog.get(fullLog.size() - 1).get("statusCode"));
        List<WebhookReceiverStub.Request> posts = receiver.requestsTo(endpoint);
        assertEquals(accepted.eventId().toString(), posts.get(posts.size() - 1).header("Linkage-Event-Id"));
        assertEquals(posts.get(0).body(), posts.get(posts.size() - 1).body(), "the same envelope again");
        asOwner().get("/api/v1/webhooks/" + subscription + "/deliveries/" + failed.get("id")).then().statusCode(200)
                .body("status", equalTo("SENT"))
                .body("attemptLog.size()", equalTo(DeliveryChannelsTestResource.WEBHOOK_MAX_ATTEMPTS + 1));
    }

    @Test
    void deliveriesOfAnUnknownSubscriptionOrDeliveryAreNotFound() {
        String subscription = subscribe(receiver.newEndpoint(), "AssignmentAccepted");
        asOwner().get("/api/v1/webhooks/" + UUID.randomUUID() + "/deliveries").then().statusCode(404)
                .contentType("application/problem+json");
        asOwner().get("/api/v1/webhooks/" + subscription + "/deliveries/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        asOwner().post("/api/v1/webhooks/" + subscription + "/deliveries/" + UUID.randomUUID() + "/redeliver")
                .then().statusCode(404).contentType("application/problem+json");
        asOwner().queryParam("status", "LOST").get("/api/v1/webhooks/" + subscription + "/deliveries")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", contains("status"));
    }
}
