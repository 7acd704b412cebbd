package org.linkage.notification;

import io.restassured.path.json.JsonPath;
import org.linkage.events.DomainEvent;
import org.linkage.events.EventEnvelope;
import org.linkage.events.EventJson;
import org.linkage.events.Topics;
import org.linkage.events.assignment.NeedUnmatched;
import org.linkage.testing.EventSchemas;
import org.linkage.testing.TopicProbe;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Sends matching's events as matching-service would, and reads inboxes as the app does. */
public final class Inbox {

    /** Sends the event in a fresh envelope, checked against its schema so the tests feed what matching sends. */
    public static EventEnvelope publish(DomainEvent event) {
        EventEnvelope envelope = EventEnvelope.wrap(event, Instant.now(), null);
        assertEquals(Set.of(), EventSchemas.violations(EventJson.write(envelope)));
        TopicProbe.send(Topics.ASSIGNMENT_EVENTS, envelope);
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
        long deadline = System.currentTimeMillis() + 15_000;
        while (true) {
            List<Map<String, Object>> items = of(recipient);
            if (items.size() >= atLeast || System.currentTimeMillis() > deadline) {
                return items;
            }
            sleep(100);
        }
    }

    public static long unread(String recipient) {
        return given().queryParam("recipient", recipient).get("/api/v1/notifications/unread-count")
                .then().statusCode(200).extract().jsonPath().getLong("unread");
    }

    private static JsonPath page(String recipient) {
        return given().queryParam("recipient", recipient).queryParam("size", 100).get("/api/v1/notifications")
                .then().statusCode(200).extract().jsonPath();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Inbox() {
    }
}
