package org.linkage.activity.rest;

import org.linkage.activity.AsAdmin;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.linkage.events.EventEnvelope;
import org.linkage.events.Topics;
import org.linkage.events.activity.ActivityCancelled;
import org.linkage.events.activity.ActivitySignUpCancelled;
import org.linkage.events.activity.ActivitySignUpConfirmed;
import org.linkage.events.activity.AttendanceRecorded;
import org.linkage.testing.EventSchemas;
import org.linkage.testing.InfrastructureTestResource;
import org.linkage.testing.TopicProbe;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.linkage.activity.ActivityFixtures.activity;
import static org.linkage.activity.ActivityFixtures.activityRequest;
import static org.linkage.activity.ActivityFixtures.cancelSignUp;
import static org.linkage.activity.ActivityFixtures.confirmedSignUp;
import static org.linkage.activity.ActivityFixtures.signUp;
import static org.linkage.activity.ActivityFixtures.station;
import static org.linkage.activity.ActivityFixtures.stationCode;
import static org.linkage.activity.ActivityFixtures.withCode;
import static org.linkage.activity.ApiAssertions.assertProblem;
import static org.linkage.activity.NeedFixtures.awaitEvents;

@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
class ActivityResourceTest implements AsAdmin {

    @Inject
    EntityManager entityManager;

    @Test
    void placesFillThenTheWaitlistAndAFreedPlaceGoesToTheFirstInLine() {
        String activityId = activity(station("c-" + UUID.randomUUID()), 2);
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID third = UUID.randomUUID();
        UUID fourth = UUID.randomUUID();
        String firstSignUp = confirmedSignUp(activityId, first);
        signUp(activityId, second, true).then().statusCode(201).body("status", equalTo("CONFIRMED"))
                .body("waitlistPosition", nullValue());
        signUp(activityId, third, true).then().statusCode(201)
                .body("status", equalTo("WAITLISTED")).body("waitlistPosition", equalTo(1));
        String fourthSignUp = signUp(activityId, fourth, true).then().statusCode(201)
                .body("waitlistPosition", equalTo(2)).extract().path("id");
        given().get("/api/v1/activities/" + activityId).then()
                .body("confirmed", equalTo(2)).body("placesLeft", equalTo(0));

        cancelSignUp(activityId, firstSignUp, "VOLUNTEER").then().statusCode(200)
                .body("status", equalTo("CANCELLED")).body("cancelledBy", equalTo("VOLUNTEER"));
        cancelSignUp(activityId, fourthSignUp, "STAFF").then().statusCode(200);
        assertProblem(cancelSignUp(activityId, firstSignUp, "VOLUNTEER").then(), 409);
        assertProblem(cancelSignUp(activityId, firstSignUp, "NOBODY").then(), 400, "cancelledBy", "must be one of VOLUNTEER, STAFF");

        given().get("/api/v1/activities/" + activityId + "/sign-ups").then().statusCode(200)
                .body("volunteerId", contains(first.toString(), second.toString(), third.toString(),
                        fourth.toString()))
                .body("status", contains("CANCELLED", "CONFIRMED", "CONFIRMED", "CANCELLED"))
                .body("promoted", contains(false, false, true, false));
        given().get("/api/v1/activities/" + activityId).then().body("confirmed", equalTo(2));

        List<EventEnvelope> confirmed = awaitEvents(Topics.ACTIVITY_EVENTS, ActivitySignUpConfirmed.TYPE,
                e -> e.aggregateId().equals(activityId), 3);
        List<ActivitySignUpConfirmed> payloads = confirmed.stream()
                .map(e -> e.payloadAs(ActivitySignUpConfirmed.class)).toList();
        assertEquals(List.of(first, second, third), payloads.stream().map(ActivitySignUpConfirmed::volunteerId)
                .toList());
        assertEquals(List.of(false, false, true), payloads.stream()
                .map(ActivitySignUpConfirmed::promotedFromWaitlist).toList());
        assertTrue(payloads.get(0).stationName().startsWith("Station c-"));
        List<ActivitySignUpCancelled> cancelled = awaitEvents(Topics.ACTIVITY_EVENTS, ActivitySignUpCancelled.TYPE,
                e -> e.aggregateId().equals(activityId), 1).stream()
                .map(e -> e.payloadAs(ActivitySignUpCancelled.class)).toList();
        assertEquals(1, cancelled.size(), "a waitlisted volunteer held no place and had no reminders");
        assertEquals(first, cancelled.get(0).volunteerId());
        assertEquals("VOLUNTEER", cancelled.get(0).cancelledBy());
        assertSchemaValid(activityId);
    }

    @Test
    void aFullActivityRefusesWhoWillNotWaitAndNobodySignsUpTwice() {
        String activityId = activity(station("c-" + UUID.randomUUID()), 1);
        UUID volunteer = UUID.randomUUID();
        confirmedSignUp(activityId, volunteer);
        assertProblem(signUp(activityId, UUID.randomUUID(), false).then(), 409)
                .body("detail", org.hamcrest.Matchers.containsString("已满"));
        assertProblem(signUp(activityId, volunteer, true).then(), 409);
        assertProblem(given().contentType(ContentType.JSON).body("{}")
                .post("/api/v1/activities/" + activityId + "/sign-ups").then(), 400, "volunteerId", "null");
        given().get("/api/v1/activities/" + activityId + "/sign-ups").then()
                .body("volunteerId", contains(volunteer.toString()));
        assertProblem(signUp(UUID.randomUUID().toString(), volunteer, true).then(), 404);
    }

    @Test
    void badActivitiesAreRefusedAndNotStored() {
        String stationId = station("c-" + UUID.randomUUID());
        String body = activityRequest(stationId, 5);
        assertProblem(given().contentType(ContentType.JSON).body(body.replace("\"capacity\": 5", "\"capacity\": 0"))
                .post("/api/v1/activities").then(), 400, "capacity", "1");
        assertProblem(given().contentType(ContentType.JSON)
                .body(body.replaceFirst("\"endsAt\": \"[^\"]+\"", "\"endsAt\": \"2020-01-01T00:00:00Z\""))
                .post("/api/v1/activities").then(), 400, "endsAt", "after startsAt");
        assertProblem(given().contentType(ContentType.JSON)
                .body(activityRequest(UUID.randomUUID().toString(), 5))
                .post("/api/v1/activities").then(), 422, "stationId", "does not exist");
        given().get("/api/v1/activities?stationId=" + stationId).then().body("items", empty());
        assertProblem(given().get("/api/v1/activities?from=2026-12-02T00:00:00Z&to=2026-12-01T00:00:00Z").then(),
                400, "to", "after from");
    }

    @Test
    void checkInAndOutNeedAValidCodeAndAttendanceCreditsTheHours() {
        String activityId = activity(station("c-" + UUID.randomUUID()), 3);
        UUID volunteer = UUID.randomUUID();
        confirmedSignUp(activityId, volunteer);
        String code = stationCode(activityId);
        assertEquals(code, stationCode(activityId), "a fresh code is shown for a while");

        assertProblem(withCode(activityId, "check-ins", UUID.randomUUID(), code).then(), 422, "volunteerId",
                "no place");
        String wrong = code.equals("000000") ? "000001" : "000000";
        assertProblem(withCode(activityId, "check-ins", volunteer, wrong).then(), 422, "code", "wrong or has expired");
        expireCodes(activityId);
        assertProblem(withCode(activityId, "check-ins", volunteer, code).then(), 422, "code", "expired");
        given().get("/api/v1/activities/" + activityId + "/attendances").then().body("$", empty());

        String fresh = stationCode(activityId);
        withCode(activityId, "check-ins", volunteer, fresh).then().statusCode(201)
                .body("volunteerId", equalTo(volunteer.toString())).body("hours", nullValue());
        assertProblem(withCode(activityId, "check-ins", volunteer, fresh).then(), 409);

        // Two hours pass at the station.
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                        "UPDATE attendance SET checked_in_at = checked_in_at - interval '2 hours' "
                                + "WHERE activity_id = ?1")
                .setParameter(1, UUID.fromString(activityId)).executeUpdate());
        JsonPath out = withCode(activityId, "check-outs", volunteer, stationCode(activityId)).then()
                .statusCode(200).extract().jsonPath();
        assertEquals(0, new BigDecimal("2").compareTo(new BigDecimal(out.getString("hours"))), out.prettify());
        assertProblem(withCode(activityId, "check-outs", volunteer, stationCode(activityId)).then(), 409);

        AttendanceRecorded recorded = awaitEvents(Topics.ACTIVITY_EVENTS, AttendanceRecorded.TYPE,
                e -> e.aggregateId().equals(activityId), 1).get(0).payloadAs(AttendanceRecorded.class);
        assertEquals(volunteer, recorded.volunteerId());
        assertEquals(0, new BigDecimal("2").compareTo(recorded.hours()));
        assertEquals("station-code", recorded.confirmedBy());
        assertEquals(out.getString("serviceDate"), recorded.serviceDate().toString());
        assertSchemaValid(activityId);
    }

    @Test
    void cancellingAnActivityTellsTheVolunteersHoldingAPlace() {
        String activityId = activity(station("c-" + UUID.randomUUID()), 1);
        UUID holder = UUID.randomUUID();
        confirmedSignUp(activityId, holder);
        signUp(activityId, UUID.randomUUID(), true).then().body("status", equalTo("WAITLISTED"));
        given().contentType(ContentType.JSON).body("{\"cancelledBy\": \"" + ADMIN + "\", \"reason\": \"Typhoon\"}")
                .post("/api/v1/activities/" + activityId + "/cancellation").then().statusCode(200)
                .body("status", equalTo("CANCELLED")).body("cancelReason", equalTo("Typhoon"));
        assertProblem(given().contentType(ContentType.JSON).body("{}")
                .post("/api/v1/activities/" + activityId + "/cancellation").then(), 409);
        assertProblem(signUp(activityId, UUID.randomUUID(), true).then(), 409);
        assertProblem(given().get("/api/v1/activities/" + activityId + "/station-code").then(), 409);
        given().get("/api/v1/activities/" + activityId + "/sign-ups").then()
                .body("status", contains("CANCELLED", "CANCELLED"));

        ActivityCancelled event = awaitEvents(Topics.ACTIVITY_EVENTS, ActivityCancelled.TYPE,
                e -> e.aggregateId().equals(activityId), 1).get(0).payloadAs(ActivityCancelled.class);
        assertEquals(List.of(holder), event.volunteerIds());
        assertEquals("Typhoon", event.reason());
        assertSchemaValid(activityId);
    }

    private void expireCodes(String activityId) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                        "UPDATE station_code SET expires_at = now() - interval '1 second' WHERE occasion_id = ?1")
                .setParameter(1, UUID.fromString(activityId)).executeUpdate());
    }

    static void assertSchemaValid(String activityId) {
        List<String> values = TopicProbe.readAll(Topics.ACTIVITY_EVENTS).stream()
                .filter(r -> r.key().equals(activityId)).map(r -> r.value()).toList();
        assertFalse(values.isEmpty());
        values.forEach(value -> assertEquals(Set.of(), EventSchemas.violations(value), value));
    }
}
