package org.linkage.activity.rest;

import org.linkage.activity.AsAdmin;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.linkage.testing.InfrastructureTestResource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.linkage.activity.ActivityFixtures.activity;
import static org.linkage.activity.ActivityFixtures.cancelSignUp;
import static org.linkage.activity.ActivityFixtures.signUp;
import static org.linkage.activity.ActivityFixtures.station;

@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
class ConcurrentSignUpTest implements AsAdmin {

    private static final int VOLUNTEERS = 50;
    private static final int PLACES = 10;

    @Test
    void fiftyVolunteersAtOnceGetTenPlacesAndAWaitlistInOrderOfArrival() throws Exception {
        String activityId = activity(station("c-" + UUID.randomUUID()), PLACES);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(VOLUNTEERS);
        List<Future<JsonPath>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < VOLUNTEERS; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return signUp(activityId, UUID.randomUUID(), true).then().statusCode(201).extract().jsonPath();
                }));
            }
            start.countDown();
            List<JsonPath> signUps = new ArrayList<>();
            for (Future<JsonPath> answer : answers) {
                signUps.add(answer.get());
            }

            assertEquals(PLACES, signUps.stream().filter(s -> s.getString("status").equals("CONFIRMED")).count());
            // Each waitlisted volunteer was told a distinct position, 1 to 40.
            assertEquals(IntStream.rangeClosed(1, VOLUNTEERS - PLACES).boxed().toList(), signUps.stream()
                    .filter(s -> s.getString("status").equals("WAITLISTED"))
                    .map(s -> s.getInt("waitlistPosition")).sorted().toList());

            // The stored order agrees: places to the first ten arrivals, then the waitlist as each was told.
            List<Map<String, Object>> stored = given().get("/api/v1/activities/" + activityId + "/sign-ups")
                    .then().statusCode(200).extract().jsonPath().getList("$");
            assertEquals(VOLUNTEERS, stored.size());
            Map<String, Integer> toldPosition = new HashMap<>();
            signUps.stream().filter(s -> s.getString("status").equals("WAITLISTED"))
                    .forEach(s -> toldPosition.put(s.getString("id"), s.getInt("waitlistPosition")));
            for (int i = 0; i < VOLUNTEERS; i++) {
                Map<String, Object> signUp = stored.get(i);
                if (i < PLACES) {
                    assertEquals("CONFIRMED", signUp.get("status"), "arrival " + i);
                } else {
                    assertEquals("WAITLISTED", signUp.get("status"), "arrival " + i);
                    assertEquals(i - PLACES + 1, signUp.get("waitlistPosition"));
                    assertEquals(i - PLACES + 1, toldPosition.get((String) signUp.get("id")));
                }
            }
            given().get("/api/v1/activities/" + activityId).then()
                    .body("confirmed", equalTo(PLACES)).body("placesLeft", equalTo(0));

            // A freed place goes to the first in line.
            cancelSignUp(activityId, (String) stored.get(0).get("id"), "VOLUNTEER").then().statusCode(200);
            given().get("/api/v1/activities/" + activityId + "/sign-ups").then()
                    .body("find { it.id == '%s' }.status".formatted(stored.get(PLACES).get("id")),
                            equalTo("CONFIRMED"))
                    .body("find { it.id == '%s' }.waitlistPosition".formatted(stored.get(PLACES + 1).get("id")),
                            equalTo(1));
        } finally {
            pool.shutdownNow();
        }
    }
}
