package org.linkage.notification.rest;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.linkage.events.assignment.AssignmentAccepted;
import org.linkage.notification.Inbox;
import org.linkage.notification.OtherReplica;
import org.linkage.notification.domain.Language;
import org.linkage.notification.service.PreferenceService;
import org.linkage.testing.As;
import org.linkage.testing.InfrastructureTestResource;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
class PreferenceResourceTest {

    @Inject
    MeterRegistry registry;

    @Inject
    PreferenceService preferences;

    @Inject
    AgroalDataSource dataSource;

    private static final String FULL = """
            {"channels": {"OFFER_RECEIVED": ["IN_APP", "SMS", "SMS"], "NEED_UNMATCHED": ["IN_APP", "EMAIL"]},
             "language": "en", "quietHours": {"start": "22:00", "end": "07:00"},
             "email": "zhang.wei@example.com", "phone": "13812345678"}""";

    private static ValidatableResponse put(String recipient, String body) {
        return Inbox.as(recipient).contentType(ContentType.JSON).body(body)
                .put("/api/v1/recipients/" + recipient + "/preferences").then();
    }

    private static ValidatableResponse get(String recipient) {
        return Inbox.as(recipient).get("/api/v1/recipients/" + recipient + "/preferences").then().statusCode(200);
    }

    @Test
    void someoneWhoNeverChoseGetsTheInboxAndPushForOffersInChinese() {
        String recipient = "sw-" + UUID.randomUUID();
        get(recipient)
                .body("recipient", equalTo(recipient))
                .body("channels.OFFER_RECEIVED", contains("IN_APP", "PUSH"))
                .body("channels.ASSIGNMENT_CONFIRMED", contains("IN_APP"))
                .body("channels.NEED_UNMATCHED", contains("IN_APP"))
                .body("language", equalTo("zh-CN"))
                .body("quietHours", nullValue())
                .body("email", nullValue())
                .body("updatedAt", nullValue());
    }

    @Test
    void preferencesAreStoredAndReplacedAsAWhole() {
        String recipient = "sw-" + UUID.randomUUID();
        put(recipient, FULL).statusCode(200)
                .body("channels.OFFER_RECEIVED", contains("IN_APP", "SMS"))
                .body("channels.NEED_UNMATCHED", contains("IN_APP", "EMAIL"))
                .body("channels.ASSIGNMENT_CONFIRMED", contains("IN_APP"))
                .body("language", equalTo("en"))
                .body("quietHours.start", startsWith("22:00"))
                .body("quietHours.end", startsWith("07:00"))
                .body("email", equalTo("zhang.wei@example.com"))
                .body("phone", equalTo("13812345678"))
                .body("updatedAt", notNullValue());
        get(recipient)
                .body("channels.OFFER_RECEIVED", contains("IN_APP", "SMS"))
                .body("language", equalTo("en"))
                .body("quietHours.end", startsWith("07:00"))
                .body("phone", equalTo("13812345678"));

        put(recipient, "{\"channels\": {\"HOURS_CREDITED\": []}}").statusCode(200);
        get(recipient)
                .body("channels.HOURS_CREDITED", equalTo(List.of()))
                .body("channels.OFFER_RECEIVED", contains("IN_APP", "PUSH"))
                .body("channels.NEED_UNMATCHED", contains("IN_APP"))
                .body("language", equalTo("zh-CN"))
                .body("quietHours", nullValue())
                .body("email", nullValue())
                .body("phone", nullValue());
    }

    @Test
    void anEmptyChannelListUnsubscribesFromANonEssentialKind() {
        String socialWorker = "sw-" + UUID.randomUUID();
        put(socialWorker, "{\"channels\": {\"ASSIGNMENT_CONFIRMED\": []}}").statusCode(200);
        double suppressedBefore = suppressed();
        UUID needId = UUID.randomUUID();
        Inbox.publish(AssignmentAccepted.of(UUID.randomUUID(), needId, UUID.randomUUID(), socialWorker));
        Inbox.publish(NotificationResourceTest.unmatched(needId, socialWorker));

        assertEquals(List.of("NEED_UNMATCHED"), Inbox.await(socialWorker, 1).stream().map(n -> n.get("kind")).toList());
        assertTrue(suppressed() >= suppressedBefore + 1, "counted as suppressed");
    }

    private double suppressed() {
        var counter = registry.find("linkage.notifications").tags("channel", "in_app", "outcome", "suppressed")
                .counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void notificationsAreWrittenInTheLanguageChosen() {
        String socialWorker = "sw-" + UUID.randomUUID();
        put(socialWorker, "{\"language\": \"en\"}").statusCode(200);
        Inbox.publish(NotificationResourceTest.unmatched(UUID.randomUUID(), socialWorker));

        Map<String, Object> notification = Inbox.await(socialWorker, 1).get(0);
        assertEquals("No volunteer found for your request", notification.get("title"));
        assertTrue(((String) notification.get("body")).startsWith("No volunteer could be found"),
                (String) notification.get("body"));
    }

    @Test
    void aChangeMadeOnAnotherReplicaIsHeardHereBeforeTheNextNotification() throws Exception {
        String socialWorker = "sw-" + UUID.randomUUID();
        Inbox.publish(NotificationResourceTest.unmatched(UUID.randomUUID(), socialWorker));
        assertEquals("需求未能匹配志愿者", Inbox.await(socialWorker, 1).get(0).get("title"));
        assertEquals(Language.ZH_CN, preferences.of(socialWorker).language);

        // Another replica stores the choice of English: this one keeps what it read until it hears of the change.
        OtherReplica.execute(dataSource, """
                INSERT INTO recipient_preference (recipient, channels, language, updated_at)
                VALUES (?, '{}', 'EN', now())""", socialWorker);
        assertEquals(Language.ZH_CN, preferences.of(socialWorker).language, "remembered, not read again");
        OtherReplica.execute(dataSource, "SELECT pg_notify('linkage_preference_changed', ?)", socialWorker);
        assertEquals(Language.EN, OtherReplica.awaitLanguage(preferences, socialWorker, Language.EN),
                "the change was not heard");

        Inbox.publish(NotificationResourceTest.unmatched(UUID.randomUUID(), socialWorker));
        assertEquals("No volunteer found for your request", Inbox.await(socialWorker, 2).get(0).get("title"));
    }

    @Test
    void badPreferencesAreAProblemNamingTheFieldAndChangeNothing() {
        String recipient = "sw-" + UUID.randomUUID();
        put(recipient, FULL).statusCode(200);

        rejects(recipient, "{\"language\": \"fr\"}", "language");
        rejects(recipient, "{\"email\": \"not-an-address\"}", "email");
        rejects(recipient, "{\"phone\": \"12345\"}", "phone");
        rejects(recipient, "{\"phone\": \"+8612812345678\"}", "phone");
        rejects(recipient, "{\"phone\": \"+85261234567\"}", "phone");
        rejects(recipient, "{\"phone\": \"8613812345678\"}", "phone");
        rejects(recipient, "{\"channels\": {\"NEED_UNMATCHED\": [\"EMAIL\"]}}", "email");
        rejects(recipient, "{\"channels\": {\"OFFER_RECEIVED\": [\"SMS\"]}}", "phone");
        rejects(recipient, "{\"quietHours\": {\"start\": \"22:00\"}}", "quietHours.end");
        rejects(recipient, "{\"quietHours\": {\"start\": \"25:00\", \"end\": \"07:00\"}}", "quietHours.start");
        rejects(recipient, "{\"quietHours\": {\"start\": \"07:00\", \"end\": \"07:00\"}}", "quietHours.end");
        rejects(recipient, "{\"channels\": {\"OFFER_RECEIVED\": []}}", "channels.OFFER_RECEIVED");
        rejects(recipient, "{\"channels\": {\"STOOD_DOWN\": [], \"HOURS_CREDITED\": []}}", "channels.STOOD_DOWN");
        put(recipient, "{\"channels\": {\"OFFER_RECEIVED\": [\"PIGEON\"]}}").statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", startsWith("channels"));
        put(recipient, "{\"channels\": {\"SOMETHING\": [\"IN_APP\"]}}").statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", startsWith("channels"));
        Inbox.as(recipient).contentType(ContentType.JSON).put("/api/v1/recipients/" + recipient + "/preferences")
                .then().statusCode(400).contentType("application/problem+json");
        As.admin("admin-1").get("/api/v1/recipients/" + "x".repeat(101) + "/preferences")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", contains("recipient"));

        get(recipient)
                .body("language", equalTo("en"))
                .body("email", equalTo("zhang.wei@example.com"))
                .body("channels.OFFER_RECEIVED", contains("IN_APP", "SMS"));
    }

    private static void rejects(String recipient, String body, String field) {
        put(recipient, body).statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("violations.field", contains(field));
    }

    @Test
    void deliveriesNeedARecipientAndAKnownStatus() {
        Inbox.as("sw-zhang").get("/api/v1/deliveries")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", contains("recipient"));
        Inbox.as("sw-zhang").queryParam("recipient", "sw-zhang").queryParam("status", "LOST").get("/api/v1/deliveries")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", contains("status"));
        String someone = "sw-" + UUID.randomUUID();
        Inbox.as(someone).queryParam("recipient", someone).queryParam("status", "FAILED")
                .get("/api/v1/deliveries")
                .then().statusCode(200).body("items", equalTo(List.of())).body("totalItems", equalTo(0));
        Inbox.as("sw-zhang").queryParam("recipient", someone).get("/api/v1/deliveries")
                .then().statusCode(403).contentType("application/problem+json");
        As.admin("admin-1").queryParam("recipient", someone).get("/api/v1/deliveries")
                .then().statusCode(200).body("totalItems", equalTo(0));
    }

    @Test
    void preferencesAreOnlyTheirOwnersOrAnAdmins() {
        String volunteer = UUID.randomUUID().toString();
        put(volunteer, "{\"phone\": \"13812345678\"}").statusCode(200);

        Inbox.as(UUID.randomUUID().toString()).get("/api/v1/recipients/" + volunteer + "/preferences")
                .then().statusCode(403).contentType("application/problem+json");
        Inbox.as("sw-zhang").contentType(ContentType.JSON).body("{}")
                .put("/api/v1/recipients/" + volunteer + "/preferences")
                .then().statusCode(403).contentType("application/problem+json");
        As.admin("admin-1").get("/api/v1/recipients/" + volunteer + "/preferences")
                .then().statusCode(200).body("phone", equalTo("13812345678"));
        get(volunteer).body("phone", equalTo("13812345678"));
    }
}
