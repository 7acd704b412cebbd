package org.linkage.activity.rest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.linkage.activity.AsAdmin;
import org.linkage.testing.As;
import org.linkage.testing.InfrastructureTestResource;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.linkage.activity.ActivityFixtures.station;
import static org.linkage.activity.ApiAssertions.assertProblem;

/** Issue #24 item 5: admins rename and retire stations through the API, each change audited. */
@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
class StationAdminTest implements AsAdmin {

    private static String activityAt(String stationId) {
        Instant start = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        return """
                {"stationId": "%s", "title": "Blood pressure checks", "startsAt": "%s", "endsAt": "%s",
                 "capacity": 4, "organiser": "staff-007"}""".formatted(stationId, start, start.plus(1, ChronoUnit.HOURS));
    }

    @Test
    void anAdminRenamesAndRetiresAStationWhichThenTakesNoNewActivity() {
        String stationId = station("c-" + UUID.randomUUID());
        given().get("/api/v1/stations/" + stationId).then().statusCode(200).body("retiredAt", nullValue());
        given().contentType(ContentType.JSON).body("{\"name\": \"新华路街道党群服务中心\"}")
                .put("/api/v1/stations/" + stationId + "/name").then().statusCode(200)
                .body("name", equalTo("新华路街道党群服务中心"));
        given().contentType(ContentType.JSON).body(activityAt(stationId)).post("/api/v1/activities")
                .then().statusCode(201);

        given().post("/api/v1/stations/" + stationId + "/retirement").then().statusCode(200)
                .body("retiredAt", notNullValue());
        assertProblem(given().contentType(ContentType.JSON).body(activityAt(stationId)).post("/api/v1/activities")
                .then(), 422, "stationId", "retired");
        given().post("/api/v1/stations/" + stationId + "/retirement").then().statusCode(409)
                .contentType("application/problem+json");
        given().get("/api/v1/stations/" + stationId).then().statusCode(200).body("retiredAt", notNullValue());

        given().queryParam("resourceType", "Station").queryParam("resourceId", stationId)
                .get("/api/v1/audit-entries").then().statusCode(200)
                .body("items.action", contains("UPDATE", "UPDATE"))
                .body("items.actor", contains(ADMIN, ADMIN))
                .body("items[0].purpose", equalTo("station retired"))
                .body("items[1].purpose", containsString("to 新华路街道党群服务中心"));
    }

    @Test
    void badStationChangesAreProblemsNamingTheField() {
        String stationId = station("c-" + UUID.randomUUID());
        assertProblem(given().contentType(ContentType.JSON).body("{\"name\": \" \"}")
                .put("/api/v1/stations/" + stationId + "/name").then(), 400, "name", "");
        given().contentType(ContentType.JSON).body("{\"name\": \"x\"}")
                .put("/api/v1/stations/" + UUID.randomUUID() + "/name").then().statusCode(404)
                .contentType("application/problem+json");
        given().post("/api/v1/stations/" + UUID.randomUUID() + "/retirement").then().statusCode(404);
        // Social workers add stations but do not retire them.
        As.socialWorker("sw-1", "xinhua").post("/api/v1/stations/" + stationId + "/retirement")
                .then().statusCode(403);
    }
}
