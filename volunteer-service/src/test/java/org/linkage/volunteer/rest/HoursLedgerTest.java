package org.linkage.volunteer.rest;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.linkage.events.DomainEvent;
import org.linkage.events.EventEnvelope;
import org.linkage.events.EventJson;
import org.linkage.events.Topics;
import org.linkage.events.activity.AttendanceRecorded;
import org.linkage.events.need.AssignmentCompleted;
import org.linkage.events.pairing.PairingSessionCompleted;
import org.linkage.events.volunteer.HoursCredited;
import org.linkage.events.volunteer.StarLevelReached;
import org.linkage.testing.Eventually;
import org.linkage.testing.InfrastructureTestResource;
import org.linkage.testing.TopicProbe;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
class HoursLedgerTest extends SignedInAsStaff {

    @Inject
    AgroalDataSource dataSource;

    static void send(String topic, DomainEvent event) {
        TopicProbe.send(topic, EventEnvelope.wrap(event, Instant.now(), null));
    }

    /** Polls the volunteer's ledger until it holds that many entries (or 30 s passed). */
    static void awaitEntries(String volunteerId, int count) {
        assertEquals(count, Eventually.latest(count + " ledger entries of " + volunteerId,
                () -> entryCount(volunteerId), found -> found >= count, Duration.ofSeconds(30)));
    }

    private static int entryCount(String volunteerId) {
        return given().get("/api/v1/volunteers/" + volunteerId + "/hours/entries")
                .then().statusCode(200).extract().path("totalItems");
    }

    static String correction(String hours, String serviceDate) {
        return """
                {"hours": %s, "serviceDate": "%s", "reason": "补录线下服务"}"""
                .formatted(hours, serviceDate);
    }

    static String correct(String volunteerId, String body) {
        return given().contentType(ContentType.JSON).body(body)
                .post("/api/v1/volunteers/" + volunteerId + "/hours/corrections")
                .then().statusCode(201).extract().path("id");
    }

    @Test
    void theSameCompletionDeliveredTwiceCreditsOnce() {
        String volunteer = TestVolunteers.register();
        String other = TestVolunteers.register();
        UUID need = UUID.randomUUID();
        AssignmentCompleted completed = AssignmentCompleted.of(need, UUID.randomUUID(), UUID.fromString(volunteer),
                LocalDate.of(2026, 11, 20), new BigDecimal("2.5"), "sw-zhang");
        EventEnvelope envelope = EventEnvelope.wrap(completed, Instant.now(), null);
        TopicProbe.send(Topics.NEED_EVENTS, envelope);
        TopicProbe.send(Topics.NEED_EVENTS, envelope);
        // The same completion again under a new event id: the ledger's unique source stops it.
        send(Topics.NEED_EVENTS, completed);
        // Same need, same key, same partition: once this is credited, the three above were consumed.
        send(Topics.NEED_EVENTS, AssignmentCompleted.of(need, UUID.randomUUID(), UUID.fromString(other),
                LocalDate.of(2026, 11, 20), new BigDecimal("2.5"), "sw-zhang"));
        awaitEntries(other, 1);

        given().get("/api/v1/volunteers/" + volunteer + "/hours/entries").then().statusCode(200)
                .body("totalItems", equalTo(1))
                .body("items[0].source", equalTo("NEED"))
                .body("items[0].sourceId", equalTo(need.toString()))
                .body("items[0].sourceEventId", equalTo(envelope.eventId().toString()))
                .body("items[0].hours", equalTo(2.5f))
                .body("items[0].confirmedBy", equalTo("sw-zhang"));
        given().get("/api/v1/volunteers/" + volunteer + "/hours").then().statusCode(200)
                .body("lifetimeHours", equalTo(2.5f))
                .body("starLevel", equalTo(0))
                .body("nextStarLevelAt", equalTo(100))
                .body("years.year", contains(2026));
        List<EventEnvelope> credited = TestVolunteers.awaitEvents(volunteer, HoursCredited.TYPE);
        assertEquals(1, credited.size());
        HoursCredited event = credited.get(0).payloadAs(HoursCredited.class);
        assertEquals("NEED", event.source());
        assertEquals(0, new BigDecimal("2.5").compareTo(event.lifetimeHours()));
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("linkage_hours_credited_total{source=\"need\"}"));
    }

    @Test
    void attendanceRedeliveredCreditsOnce() {
        String volunteer = TestVolunteers.register();
        String other = TestVolunteers.register();
        UUID activity = UUID.randomUUID();
        Instant in = Instant.parse("2026-11-21T01:00:00Z");
        EventEnvelope envelope = EventEnvelope.wrap(AttendanceRecorded.of(activity, UUID.randomUUID(),
                UUID.fromString(volunteer), in, in.plusSeconds(3 * 3600), LocalDate.of(2026, 11, 21),
                new BigDecimal("3"), "station-code"), Instant.now(), null);
        TopicProbe.send(Topics.ACTIVITY_EVENTS, envelope);
        TopicProbe.send(Topics.ACTIVITY_EVENTS, envelope);
        send(Topics.ACTIVITY_EVENTS, AttendanceRecorded.of(activity, UUID.randomUUID(), UUID.fromString(other), in,
                in.plusSeconds(3600), LocalDate.of(2026, 11, 21), BigDecimal.ONE, "station-code"));
        awaitEntries(other, 1);

        given().get("/api/v1/volunteers/" + volunteer + "/hours/entries").then()
                .body("totalItems", equalTo(1))
                .body("items[0].source", equalTo("ACTIVITY"))
                .body("items[0].sourceId", equalTo(activity.toString()))
                .body("items[0].hours", equalTo(3.0f));
        assertEquals(1, TestVolunteers.awaitEvents(volunteer, HoursCredited.TYPE).size());
    }

    @Test
    void aCompletedPairingSessionCreditsItsHoursOnce() {
        String volunteer = TestVolunteers.register();
        UUID pairing = UUID.randomUUID();
        UUID session = UUID.randomUUID();
        Instant in = Instant.parse("2026-11-22T01:00:00Z");
        EventEnvelope envelope = EventEnvelope.wrap(PairingSessionCompleted.of(pairing, session,
                UUID.fromString(volunteer), in, in.plusSeconds(5400), LocalDate.of(2026, 11, 22),
                new BigDecimal("1.50"), "sw-zhang"), Instant.now(), null);
        TopicProbe.send(Topics.PAIRING_EVENTS, envelope);
        TopicProbe.send(Topics.PAIRING_EVENTS, envelope);
        // Another event for the same session (not a redelivery) credits nothing more.
        send(Topics.PAIRING_EVENTS, PairingSessionCompleted.of(pairing, session, UUID.fromString(volunteer), in,
                in.plusSeconds(5400), LocalDate.of(2026, 11, 22), new BigDecimal("1.50"), "sw-zhang"));
        awaitEntries(volunteer, 1);
        assertEquals(1, TestVolunteers.awaitEvents(volunteer, HoursCredited.TYPE).size());

        given().get("/api/v1/volunteers/" + volunteer + "/hours/entries").then()
                .body("totalItems", equalTo(1))
                .body("items[0].source", equalTo("PAIRING"))
                .body("items[0].sourceId", equalTo(session.toString()))
                .body("items[0].hours", equalTo(1.5f));
    }

    @Test
    void anEventForAnUnknownVolunteerIsDeadLetteredAndCreditsNothing() {
        UUID stranger = UUID.randomUUID();
        EventEnvelope envelope = EventEnvelope.wrap(AssignmentCompleted.of(UUID.randomUUID(), UUID.randomUUID(),
                stranger, LocalDate.of(2026, 11, 20), BigDecimal.TEN, "sw-zhang"), Instant.now(), null);
        TopicProbe.send(Topics.NEED_EVENTS, envelope);
        String deadLetters = Topics.deadLetter("volunteer-service");
        Eventually.until("the event dead-lettered", () -> TopicProbe.readAll(deadLetters).stream()
                .anyMatch(record -> EventJson.read(record.value()).eventId().equals(envelope.eventId())),
                Duration.ofSeconds(30));
        given().get("/api/v1/volunteers/" + stranger + "/hours").then().statusCode(404);
    }

    @Test
    void starLevelsChangeExactlyAtTheThresholds() {
        String volunteer = TestVolunteers.register();
        String hours = "/api/v1/volunteers/" + volunteer + "/hours";
        correct(volunteer, correction("99.99", "2025-06-01"));
        given().get(hours).then().body("starLevel", equalTo(0)).body("nextStarLevelAt", equalTo(100));
        correct(volunteer, correction("0.01", "2025-06-02"));
        given().get(hours).then().body("starLevel", equalTo(1)).body("lifetimeHours", equalTo(100.0f))
                .body("nextStarLevelAt", equalTo(300));
        correct(volunteer, correction("199.99", "2025-06-03"));
        given().get(hours).then().body("starLevel", equalTo(1));
        correct(volunteer, correction("0.01", "2025-06-04"));
        given().get(hours).then().body("starLevel", equalTo(2));
        // One entry crossing two thresholds reaches both levels.
        correct(volunteer, correction("700", "2026-01-05"));
        given().get(hours).then().body("starLevel", equalTo(4)).body("lifetimeHours", equalTo(1000.0f))
                .body("years.year", contains(2025, 2026))
                .body("years.hours", contains(300.0f, 700.0f));
        correct(volunteer, correction("499.99", "2026-01-06"));
        correct(volunteer, correction("0.01", "2026-01-07"));
        given().get(hours).then().body("starLevel", equalTo(5)).body("nextStarLevelAt", nullValue());
        given().queryParam("starLevel", 5).queryParam("size", 100).get("/api/v1/volunteers").then()
                .statusCode(200).body("items.id", hasItem(volunteer));
        given().queryParam("starLevel", 0).queryParam("sort", "-createdAt").get("/api/v1/volunteers").then()
                .statusCode(200).body("items.id", not(hasItem(volunteer)));
        given().queryParam("starLevel", 6).get("/api/v1/volunteers").then().statusCode(400)
                .body("violations.field", contains("starLevel"));

        List<EventEnvelope> reached = TestVolunteers.awaitEvents(volunteer, StarLevelReached.TYPE, 5);
        assertEquals(List.of(1, 2, 3, 4, 5),
                reached.stream().map(e -> e.payloadAs(StarLevelReached.class).starLevel()).toList());
        assertEquals(0, new BigDecimal("100").compareTo(reached.get(0).payloadAs(StarLevelReached.class)
                .lifetimeHours()));
        assertEquals(7, TestVolunteers.awaitEvents(volunteer, HoursCredited.TYPE, 7).size());
    }

    @Test
    void correctionsCompensateAndTheDatabaseRefusesEdits() throws SQLException {
        String volunteer = TestVolunteers.register();
        String url = "/api/v1/volunteers/" + volunteer + "/hours/corrections";
        String credit = correct(volunteer, correction("5", "2026-03-01"));
        String takeBack = correction("-2", "2026-03-01").replace("}",
                ", \"correctsEntryId\": \"" + credit + "\"}");
        given().contentType(ContentType.JSON).body(takeBack).post(url).then().statusCode(201)
                .body("source", equalTo("CORRECTION"))
                .body("sourceId", equalTo(credit))
                .body("confirmedBy", equalTo(STAFF_ID))
                .body("hours", equalTo(-2.0f))
                .body("reason", equalTo("补录线下服务"));

        given().contentType(ContentType.JSON).body(correction("-3.01", "2026-03-01")).post(url)
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", contains("hours")).body("detail", containsString("低于零"));
        given().contentType(ContentType.JSON).body(correction("0", "2026-03-01")).post(url)
                .then().statusCode(400).body("violations.field", contains("hours"));
        given().contentType(ContentType.JSON).body(correction("1.234", "2026-03-01")).post(url)
                .then().statusCode(400).body("violations.field", contains("hours"));
        given().contentType(ContentType.JSON).body(correction("1", "2999-03-01")).post(url)
                .then().statusCode(400).body("violations.field", contains("serviceDate"));
        given().contentType(ContentType.JSON).body(correction("1", "2026-03-01").replace("}",
                        ", \"correctsEntryId\": \"" + UUID.randomUUID() + "\"}"))
                .post(url).then().statusCode(400).body("violations.field", contains("correctsEntryId"));
        given().contentType(ContentType.JSON).body(correction("1", "2026-03-01").replace("补录线下服务", " "))
                .post(url).then().statusCode(400).body("violations.field", contains("reason"));
        given().contentType(ContentType.JSON).body(correction("1", "2026-03-01"))
                .post("/api/v1/volunteers/" + UUID.randomUUID() + "/hours/corrections")
                .then().statusCode(404).contentType("application/problem+json");
        given().get("/api/v1/volunteers/" + volunteer + "/hours").then()
                .body("lifetimeHours", equalTo(3.0f));
        given().get("/api/v1/volunteers/" + volunteer + "/hours/entries").then().body("totalItems", equalTo(2));

        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            SQLException update = assertThrows(SQLException.class, () -> statement.executeUpdate(
                    "UPDATE hours_entry SET hours = 100 WHERE volunteer_id = '" + volunteer + "'"));
            assertTrue(update.getMessage().contains("append-only"), update.getMessage());
            SQLException delete = assertThrows(SQLException.class, () -> statement.executeUpdate(
                    "DELETE FROM hours_entry WHERE volunteer_id = '" + volunteer + "'"));
            assertTrue(delete.getMessage().contains("append-only"), delete.getMessage());
        }
        given().get("/api/v1/volunteers/" + volunteer + "/hours/entries").then()
                .body("items.hours", contains(5.0f, -2.0f));
    }

    @Test
    void aRetriedCorrectionIsRecordedOnce() {
        String volunteer = TestVolunteers.register();
        String url = "/api/v1/volunteers/" + volunteer + "/hours/corrections";
        String key = UUID.randomUUID().toString();
        String first = given().contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(correction("4", "2026-03-01")).post(url).then().statusCode(201).extract().path("id");
        given().contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(correction("4", "2026-03-01")).post(url).then().statusCode(201).body("id", equalTo(first));
        given().get("/api/v1/volunteers/" + volunteer + "/hours").then().body("lifetimeHours", equalTo(4.0f));
    }
}
