package org.linkage.volunteer.rest;

import io.restassured.http.ContentType;
import org.linkage.events.EventEnvelope;
import org.linkage.events.EventJson;
import org.linkage.events.Topics;
import org.linkage.testing.EventSchemas;
import org.linkage.testing.Eventually;
import org.linkage.testing.TopicProbe;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Shortcuts the volunteer-service tests share. */
final class TestVolunteers {

    /** Registers a volunteer with a fresh phone and returns its id. */
    static String register() {
        return given().contentType(ContentType.JSON)
                .body(VolunteerResourceTest.registration(VolunteerResourceTest.randomPhone()))
                .post("/api/v1/volunteers").then().statusCode(201).extract().path("id");
    }

    /** Waits for the volunteer's events of that type; checks every event of the volunteer against its schema. */
    static List<EventEnvelope> awaitEvents(String volunteerId, String eventType) {
        return awaitEvents(volunteerId, eventType, 1);
    }

    /** Waits until at least that many of the volunteer's events of that type were published (or 20 s passed). */
    static List<EventEnvelope> awaitEvents(String volunteerId, String eventType, int atLeast) {
        List<EventEnvelope> events = Eventually.latest(atLeast + " " + eventType + " of " + volunteerId,
                () -> TopicProbe.find(Topics.VOLUNTEER_EVENTS, eventType, e -> e.aggregateId().equals(volunteerId)),
                found -> found.size() >= atLeast, Duration.ofSeconds(20));
        TopicProbe.readAll(Topics.VOLUNTEER_EVENTS).stream()
                .filter(record -> volunteerId.equals(record.key()))
                .forEach(record -> assertEquals(Set.of(), EventSchemas.violations(record.value()), record.value()));
        return events;
    }

    /** The volunteer's events of that type published so far, without waiting. */
    static List<EventEnvelope> eventsSoFar(String volunteerId, String eventType) {
        return TopicProbe.readAll(Topics.VOLUNTEER_EVENTS).stream()
                .filter(record -> volunteerId.equals(record.key()))
                .map(record -> EventJson.read(record.value()))
                .filter(envelope -> envelope.eventType().equals(eventType))
                .toList();
    }

    private TestVolunteers() {
    }
}
