package org.linkage.volunteer.rest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.linkage.testing.InfrastructureTestResource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue #16, strict input, through a service with its database: what used to answer 500. */
@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
class StrictInputTest extends SignedInAsStaff {

    private static final String PROBLEM = "application/problem+json";

    private static long volunteers() {
        return given().get("/api/v1/volunteers?size=1").then().extract().jsonPath().getLong("totalItems");
    }

    @Test
    void aNulInABodyOrACsvCellIs400NamingTheFieldAndStoresNothing() {
        long before = volunteers();
        given().contentType(ContentType.JSON)
                .body(VolunteerResourceTest.registration(VolunteerResourceTest.randomPhone())
                        .replace("李明", "李\\u0000明"))
                .post("/api/v1/volunteers").then().statusCode(400).contentType(PROBLEM)
                .body("violations.field", contains("name"));
        String id = TestVolunteers.register();
        given().contentType(ContentType.JSON).body("{\"bio\": \"x\\u0000y\"}")
                .put("/api/v1/volunteers/" + id + "/profile").then().statusCode(400).contentType(PROBLEM)
                .body("violations.field", contains("bio"));
        given().contentType("text/csv")
                .body("name,phone,skills\n王芳\u0000,13812345678,first-aid\n")
                .post("/api/v1/volunteers/imports").then().statusCode(400).contentType(PROBLEM)
                .body("violations.field", contains("rows[2][1]"));
        given().urlEncodingEnabled(false).get("/api/v1/volunteers?q=%00").then().statusCode(400)
                .contentType(PROBLEM).body("violations.field", contains("q"));
        assertEquals(before + 1, volunteers());
    }

    @Test
    void aPageBeyondTheLastIsEmptyAndOutOfRangeNumbersAre400() {
        given().get("/api/v1/volunteers?page=2147483647&size=100").then().statusCode(200)
                .body("items", empty()).body("page", equalTo(Integer.MAX_VALUE));
        given().get("/api/v1/volunteers?page=2147483647&size=1").then().statusCode(200).body("items", empty());
        given().get("/api/v1/volunteers?page=99999999999").then().statusCode(400).contentType(PROBLEM)
                .body("violations.field", contains("page"));
        given().get("/api/v1/volunteers?size=-1").then().statusCode(400).contentType(PROBLEM)
                .body("violations.field", contains("size"));
        given().get("/api/v1/volunteers?onDuty=yes").then().statusCode(400).contentType(PROBLEM)
                .body("violations.field", contains("onDuty"));
    }

    /**
     * Several clients change one volunteer at the same moment with the version they read: exactly one wins, every
     * other answers 412 (the If-Match no longer holds, whether seen before the change or by the optimistic lock at
     * commit); without If-Match the losers of the race answer 409. Never 500.
     */
    @Test
    void concurrentUpdatesOfOneVolunteerAnswer412Or409NeverA500() throws Exception {
        String id = TestVolunteers.register();
        HttpClient client = HttpClient.newHttpClient();
        List<Integer> unconditional = new ArrayList<>();
        for (int round = 0; round < 8; round++) {
            var current = given().get("/api/v1/volunteers/" + id).then().statusCode(200).extract();
            Integer tutoring = current.path("skillLevels.find { it.code == 'tutoring' }.level");
            List<Integer> statuses = race(client, id, current.header("ETag"), round, tutoring == null ? 0 : tutoring);
            assertEquals(1, statuses.stream().filter(s -> s == 200).count(), "round " + round + ": " + statuses);
            assertTrue(statuses.stream().allMatch(s -> s == 200 || s == 412), "round " + round + ": " + statuses);
            unconditional.addAll(race(client, id, null, round + 100, round % 3));
        }
        assertTrue(unconditional.stream().allMatch(s -> s == 200 || s == 409), unconditional.toString());
        System.out.printf("Races without If-Match: %d answers, %d of them 409%n", unconditional.size(),
                unconditional.stream().filter(s -> s == 409).count());
    }

    /**
     * Four requests released together: two replace the skills, two the bio, each with a value of its own that
     * differs from the stored one (the tutoring level is not {@code tutoring}), so that each would change it.
     */
    private static List<Integer> race(HttpClient client, String id, String etag, int round, int tutoring)
            throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            boolean skills = i % 2 == 0;
            int level = (tutoring + i / 2) % 3 + 1;
            String body = skills
                    ? "{\"skills\": [{\"code\": \"tutoring\", \"level\": " + level + "}]}"
                    : "{\"bio\": \"round " + round + " writer " + i + "\"}";
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port
                            + "/api/v1/volunteers/" + id + (skills ? "/skills" : "/profile")))
                    .header("Authorization", "Bearer " + STAFF).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(body));
            if (etag != null) {
                request.header("If-Match", etag);
            }
            answers.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                    return client.send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (CompletableFuture<Integer> answer : answers) {
            statuses.add(answer.get());
        }
        return statuses;
    }
}
