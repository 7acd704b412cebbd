package org.linkage.notification;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.linkage.events.DomainEvent;
import org.linkage.events.EventEnvelope;
import org.linkage.events.EventJson;
import org.linkage.events.assignment.NeedUnmatched;
import org.linkage.testing.As;
import org.linkage.testing.EventSchemas;
import org.linkage.testing.Eventually;
import org.linkage.testing.Tokens;
import org.linkage.testing.TopicProbe;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Sends events as their producing services would, and reads inboxes as the app does. */
public final class Inbox {

    public static final String COMMUNITY = "xinhua-road";

    /**
     * Sends the event on its topic in a fresh envelope, checked against its schema so the tests feed what the
     * producing service sends.
     */
    public static EventEnvelope publish(DomainEvent event) {
        EventEnvelope envelope = EventEnvelope.wrap(event, Instant.now(), null);
        assertEquals(Set.of(), EventSchemas.violations(EventJson.write(envelope)));
        TopicProbe.send(event.topic(), envelope);
        return envelope;
    }

    /**
     * Sends an event on the need's key after the ones under test. Events of one key are consumed in order, so
     * once this one is in the inbox, everything sent before it has been consumed.
     */
    public static void sendMarkerAfter(UUID needId) {
        String socialWorker = "sw-" + UUID.randomUUID();
        publish(NeedUnmatched.of(needId, socialWorker, "无人接单", 1));
        assertEquals(1, await(socialWorker, 1).size(), "the marker event was not consumed");
    }

    /** The recipient's notifications, newest first (at most 100). */
    public static List<Map<String, Object>> of(String recipient) {
        return page(recipient).getList("items");
    }

    /** Waits up to 15 s until the recipient has at least that many notifications, then returns them all. */
    public static List<Map<String, Object>> await(String recipient, int atLeast) {
        return Eventually.value(atLeast + " notifications for " + recipient, () -> of(recipient),
                items -> items.size() >= atLeast, Duration.ofSeconds(15));
    }

    /** A volunteer's id (a UUID) or a social worker's account, as it would be the subject of their token. */
    public static String tokenOf(String recipient) {
        try {
            return Tokens.volunteer(UUID.fromString(recipient));
        } catch (IllegalArgumentException e) {
            return Tokens.socialWorker(recipient, COMMUNITY);
        }
    }

    /** A request made by the recipient, with their token. */
    public static RequestSpecification as(String recipient) {
        return As.token(tokenOf(recipient));
    }

    public static long unread(String recipient) {
        return as(recipient).get("/api/v1/notifications/unread-count")
                .then().statusCode(200).extract().jsonPath().getLong("unread");
    }

    private static JsonPath page(String recipient) {
        return as(recipient).queryParam("size", 100).get("/api/v1/notifications")
                .then().statusCode(200).extract().jsonPath();
    }

    private Inbox() {
    }
}
