package org.linkage.activity.rest;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.linkage.activity.AsAdmin;
import org.linkage.testing.As;
import org.linkage.testing.InfrastructureTestResource;
import org.linkage.testing.Tokens;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.linkage.activity.ActivityFixtures.activity;
import static org.linkage.activity.ActivityFixtures.confirmedSignUp;
import static org.linkage.activity.ActivityFixtures.signUp;
import static org.linkage.activity.ActivityFixtures.station;
import static org.linkage.activity.ActivityFixtures.stationCode;
import static org.linkage.activity.ActivityFixtures.withCode;
import static org.linkage.activity.ApiAssertions.assertProblem;
import static org.linkage.activity.HazardFixtures.JPEG;
import static org.linkage.activity.HazardFixtures.gpsExif;
import static org.linkage.activity.HazardFixtures.jpeg;
import static org.linkage.activity.HazardFixtures.segment;
import static org.linkage.activity.NeedFixtures.raiseRequest;

/**
 * Issue #16, "Abuse without limits": each limit is hit through the API (429 problem+json with Retry-After, or 422
 * naming the field), and frees up once its window has passed. The counts live in PostgreSQL; a window passing is
 * played by moving this test's counted uses back in time.
 */
@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
class AbuseLimitsTest implements AsAdmin {

    @Inject
    EntityManager entityManager;

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    @Test
    void guessingCheckInCodesLocksTheVolunteerThenTheActivityAndEvenTheRightCodeWaitsForTheLock() {
        String activityId = activity(station("c-" + UUID.randomUUID()), 10);
        List<UUID> volunteers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            UUID volunteer = UUID.randomUUID();
            confirmedSignUp(activityId, volunteer);
            volunteers.add(volunteer);
        }
        String code = stationCode(activityId);
        String wrong = code.equals("000000") ? "000001" : "000000";
        UUID guesser = volunteers.get(0);
        for (int i = 0; i < 5; i++) {
            assertProblem(withCode(activityId, "check-ins", guesser, wrong).then(), 422, "code", "wrong");
        }
        assertTooMany(withCode(activityId, "check-ins", guesser, code), 15 * 60)
                .body("detail", containsString("wrong check-in codes of a volunteer"));

        // Three more guessers make 20 wrong codes at the activity: now nobody may try, not even with the right code.
        for (UUID other : volunteers.subList(1, 4)) {
            for (int i = 0; i < 5; i++) {
                assertProblem(withCode(activityId, "check-ins", other, wrong).then(), 422, "code", "wrong");
            }
        }
        assertTooMany(withCode(activityId, "check-ins", volunteers.get(4), code), 10 * 60)
                .body("detail", containsString("at an activity"));

        passTime(activityId, Duration.ofMinutes(15));
        withCode(activityId, "check-ins", guesser, code).then().statusCode(201);
        withCode(activityId, "check-ins", volunteers.get(4), code).then().statusCode(201);
    }

    @Test
    void aVolunteerSignsUpAtMostTenTimesADay() {
        String stationId = station("c-" + UUID.randomUUID());
        UUID volunteer = UUID.randomUUID();
        for (int i = 0; i < 10; i++) {
            String activityId = activity(stationId, 5);
            String signUpId = confirmedSignUp(activityId, volunteer);
            if (i == 0) {
                // A cancelled sign-up still counts: signing up and off in a loop is the abuse.
                given().contentType(ContentType.JSON).body("{\"cancelledBy\": \"VOLUNTEER\"}")
                        .post("/api/v1/activities/" + activityId + "/sign-ups/" + signUpId + "/cancellation")
                        .then().statusCode(200);
            }
        }
        String eleventh = activity(stationId, 5);
        assertTooMany(signUp(eleventh, volunteer, true), 24 * 3600);
        given().get("/api/v1/activities/" + eleventh).then().body("placesLeft", equalTo(5));

        passTime(volunteer.toString(), Duration.ofDays(1));
        signUp(eleventh, volunteer, true).then().statusCode(201);
    }

    @Test
    void aVolunteerHoldsAtMostThreeClaimedWishesUntilOneIsFulfilled() {
        String community = "c-" + UUID.randomUUID();
        UUID volunteer = UUID.randomUUID();
        List<String> wishes = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            wishes.add(MicroWishResourceTest.post(community, "Wish " + i));
        }
        for (String wish : wishes.subList(0, 3)) {
            claim(wish, volunteer).then().statusCode(200);
        }
        assertProblem(claim(wishes.get(3), volunteer).then(), 422, "volunteerId", "already holds 3");
        given().get("/api/v1/micro-wishes/" + wishes.get(3)).then().body("status", equalTo("OPEN"));

        MicroWishResourceTest.action(wishes.get(0), "fulfilment",
                "{\"volunteerId\": \"%s\", \"note\": \"Delivered\"}".formatted(volunteer)).then().statusCode(200);
        claim(wishes.get(3), volunteer).then().statusCode(200);
    }

    @Test
    void aReporterSendsAtMostTenHazardReportsAnHour() {
        String community = "c-" + UUID.randomUUID();
        UUID reporter = UUID.randomUUID();
        for (int i = 0; i < 10; i++) {
            report(JPEG, reporter, community).then().statusCode(201);
        }
        assertTooMany(report(JPEG, reporter, community), 3600);
        given().get("/api/v1/hazard-reports?community=" + community).then().body("totalItems", equalTo(10));

        passTime(reporter.toString(), Duration.ofHours(1));
        report(JPEG, reporter, community).then().statusCode(201);
    }

    @Test
    void aRaiserRaisesAtMostThreeEmergenciesAnHourAndNoneRecurs() {
        String client = "rider-platform-" + UUID.randomUUID();
        String token = Tokens.integrator(client, "needs:write");
        String emergency = raiseRequest(client).replace("\"URGENT\"", "\"EMERGENCY\"");
        assertProblem(as(token).body(emergency.replace("\"summary\"",
                        "\"recurrence\": {\"frequency\": \"WEEKLY\"}, \"summary\"")).post("/api/v1/needs").then(),
                422, "recurrence", "an emergency happens once");
        for (int i = 0; i < 3; i++) {
            as(token).body(emergency).post("/api/v1/needs").then().statusCode(201);
        }
        assertTooMany(as(token).body(emergency).post("/api/v1/needs"), 3600)
                .body("detail", containsString("emergencies"));
        as(token).body(raiseRequest(client)).post("/api/v1/needs").then().statusCode(201);
        given().get("/api/v1/needs?requestedBy=" + client).then().body("totalItems", equalTo(4));

        passTime(client, Duration.ofHours(1));
        as(token).body(emergency).post("/api/v1/needs").then().statusCode(201);
    }

    @Test
    void jsonBodiesStopAtOneMegabyteWhileTheHazardReportTakesAPhotoOfSeveral() throws Exception {
        String stationId = station("c-" + UUID.randomUUID());
        String padding = "x".repeat(1024 * 1024);
        String large = "{\"stationId\": \"%s\", \"title\": \"Large\", \"description\": \"%s\"}"
                .formatted(stationId, padding);
        assertProblem(given().contentType(ContentType.JSON).body(large).post("/api/v1/activities").then(), 413)
                .body("detail", containsString("最多 1048576 字节"));

        // Without Content-Length (chunked), the body is cut off where the limit is.
        HttpResponse<String> chunked = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                                URI.create("http://localhost:" + port + "/api/v1/activities"))
                        .header("Authorization", "Bearer " + Tokens.admin(ADMIN))
                        .header("Content-Type", "application/json")
                        .version(HttpClient.Version.HTTP_1_1)
                        .POST(HttpRequest.BodyPublishers.ofInputStream(
                                () -> new ByteArrayInputStream(large.getBytes())))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(413, chunked.statusCode());

        // The hazard report's operation takes a photo of 3 MB (comments, dropped when stored, make it that large).
        byte[][] comments = new byte[50][];
        Arrays.fill(comments, segment(0xFE, new byte[60_000]));
        byte[] threeMegabytes = jpeg(comments);
        String id = report(threeMegabytes, UUID.randomUUID(), "c-" + UUID.randomUUID()).then().statusCode(201)
                .extract().path("id");
        assertArrayEquals(jpeg(), given().get("/api/v1/hazard-reports/" + id + "/photo").then().statusCode(200)
                .extract().asByteArray());
    }

    @Test
    void aPhotoIsStoredWithoutItsExifPosition() {
        byte[] withGps = jpeg(gpsExif());
        String id = report(withGps, UUID.randomUUID(), "c-" + UUID.randomUUID()).then().statusCode(201)
                .body("location.latitude", equalTo(31.2304f)).extract().path("id");
        byte[] stored = given().get("/api/v1/hazard-reports/" + id + "/photo").then().statusCode(200)
                .contentType("image/jpeg").extract().asByteArray();
        assertArrayEquals(jpeg(), stored);
    }

    /** 429 problem+json whose Retry-After is within the limit's window. */
    private static ValidatableResponse assertTooMany(Response response, long windowSeconds) {
        String retryAfter = response.header("Retry-After");
        assertNotNull(retryAfter, "Retry-After");
        long seconds = Long.parseLong(retryAfter);
        assertTrue(seconds >= 1 && seconds <= windowSeconds, "Retry-After " + seconds + " s");
        return assertProblem(response.then(), 429).body("type", equalTo("https://linkage.dev/problems/rate-limited"));
    }

    /** Plays the window passing: this subject's counted uses move back by that much. */
    private void passTime(String subjectPart, Duration by) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                        "UPDATE linkage_limit_entry SET at = at - make_interval(secs => ?1) WHERE subject LIKE ?2")
                .setParameter(1, (double) by.toSeconds() + 1)
                .setParameter(2, "%" + subjectPart + "%")
                .executeUpdate());
    }

    private static Response claim(String wish, UUID volunteer) {
        return MicroWishResourceTest.action(wish, "claim", "{\"volunteerId\": \"%s\"}".formatted(volunteer));
    }

    private static Response report(byte[] photo, UUID reporter, String community) {
        return given().multiPart("photo", "photo.jpg", photo, "image/jpeg")
                .multiPart("category", "missing-manhole-cover")
                .multiPart("latitude", "31.2304")
                .multiPart("longitude", "121.4737")
                .multiPart("reportedBy", reporter.toString())
                .multiPart("community", community)
                .post("/api/v1/hazard-reports");
    }

    private static RequestSpecification as(String token) {
        return As.token(token).contentType(ContentType.JSON);
    }
}
