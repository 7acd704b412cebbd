package org.linkage.activity;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Stations, activities and sign-ups for the integration tests. */
public final class ActivityFixtures {

    public static String station(String community) {
        return given().contentType(ContentType.JSON).body("""
                        {"name": "Station %1$s", "kind": "COMMUNITY_CENTRE", "address": "1 Test Road",
                         "location": {"latitude": 31.2, "longitude": 121.4}, "community": "%1$s"}"""
                        .formatted(community))
                .post("/api/v1/stations").then().statusCode(201).extract().path("id");
    }

    /** Starts in half an hour (check-in is open) and lasts three hours. */
    public static String activityRequest(String stationId, int capacity) {
        Instant start = Instant.now().plus(30, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        return """
                {"stationId": "%s", "title": "Homework club", "description": "Primary pupils",
                 "startsAt": "%s", "endsAt": "%s", "capacity": %d, "requiredSkills": [],
                 "organiser": "staff-007"}""".formatted(stationId, start, start.plus(3, ChronoUnit.HOURS), capacity);
    }

    public static String activity(String stationId, int capacity) {
        return given().contentType(ContentType.JSON).body(activityRequest(stationId, capacity))
                .post("/api/v1/activities").then().statusCode(201).extract().path("id");
    }

    public static Response signUp(String activityId, UUID volunteerId, boolean joinWaitlist) {
        return given().contentType(ContentType.JSON)
                .body("{\"volunteerId\": \"%s\", \"joinWaitlist\": %s}".formatted(volunteerId, joinWaitlist))
                .post("/api/v1/activities/" + activityId + "/sign-ups");
    }

    public static String confirmedSignUp(String activityId, UUID volunteerId) {
        return signUp(activityId, volunteerId, true).then().statusCode(201).extract().path("id");
    }

    public static Response cancelSignUp(String activityId, String signUpId, String cancelledBy) {
        return given().contentType(ContentType.JSON).body("{\"cancelledBy\": \"%s\"}".formatted(cancelledBy))
                .post("/api/v1/activities/" + activityId + "/sign-ups/" + signUpId + "/cancellation");
    }

    public static String stationCode(String activityId) {
        return given().get("/api/v1/activities/" + activityId + "/station-code")
                .then().statusCode(200).extract().path("code");
    }

    public static Response withCode(String activityId, String action, UUID volunteerId, String code) {
        return given().contentType(ContentType.JSON)
                .body("{\"volunteerId\": \"%s\", \"code\": \"%s\"}".formatted(volunteerId, code))
                .post("/api/v1/activities/" + activityId + "/" + action);
    }

    private ActivityFixtures() {
    }
}
