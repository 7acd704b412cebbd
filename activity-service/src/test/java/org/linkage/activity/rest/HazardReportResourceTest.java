package org.linkage.activity.rest;

import org.linkage.activity.AsAdmin;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.linkage.testing.InfrastructureTestResource;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.linkage.activity.ApiAssertions.assertProblem;
import static org.linkage.activity.HazardFixtures.JPEG;
import static org.linkage.activity.HazardFixtures.PNG;
import static org.linkage.activity.HazardFixtures.image;
import static org.linkage.activity.HazardFixtures.report;

@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
class HazardReportResourceTest implements AsAdmin {

    @Test
    void aPhotoIsStoredWithTheTypeItsBytesShowAndFollowedToResolution() {
        String community = "c-" + UUID.randomUUID();
        // Declared as a GIF, but the bytes are a PNG: the bytes decide.
        String id = report(PNG, "image/gif", 46.0, 101.0, community).then().statusCode(201)
                .body("status", equalTo("REPORTED"))
                .body("likelyDuplicateOf", nullValue())
                .extract().path("id");
        given().get("/api/v1/hazard-reports/" + id).then().statusCode(200)
                .body("photoUrl", equalTo("/api/v1/hazard-reports/" + id + "/photo"))
                .body("location.latitude", equalTo(46.0f));
        byte[] photo = given().get("/api/v1/hazard-reports/" + id + "/photo").then().statusCode(200)
                .contentType("image/png").header("X-Content-Type-Options", "nosniff")
                .extract().asByteArray();
        assertArrayEquals(PNG, photo);

        assertProblem(staff(id, "resolution", "{\"resolution\": \"x\"}").then(), 409);
        staff(id, "triage", "{\"triagedBy\": \"" + ADMIN + "\", \"severity\": \"HIGH\"}").then().statusCode(200)
                .body("status", equalTo("TRIAGED")).body("severity", equalTo("HIGH"));
        assertProblem(staff(id, "triage", "{\"severity\": \"LOW\"}").then(), 409);
        staff(id, "assignment", "{\"assignee\": \"Roads department\"}").then().statusCode(200)
                .body("status", equalTo("ASSIGNED"));
        staff(id, "resolution", "{\"resolvedBy\": \"" + ADMIN + "\", \"resolution\": \"Cover replaced\"}").then()
                .statusCode(200).body("status", equalTo("RESOLVED"));
        assertProblem(staff(id, "dismissal", "{\"resolution\": \"x\"}").then(), 409);
        given().get("/api/v1/hazard-reports?community=%s&status=RESOLVED".formatted(community)).then()
                .body("items[0].id", equalTo(id)).body("totalItems", equalTo(1));
    }

    @Test
    void aReportWithinThirtyMetresOfARecentOneIsFlaggedAsItsLikelyDuplicate() {
        String community = "c-" + UUID.randomUUID();
        String first = report(JPEG, "image/jpeg", 47.0, 102.0, community).then().statusCode(201)
                .extract().path("id");
        // About 11 m north: the same hazard; about 220 m away: another one.
        report(JPEG, "image/jpeg", 47.0001, 102.0, community).then().statusCode(201)
                .body("likelyDuplicateOf", equalTo(first));
        report(JPEG, "image/jpeg", 47.002, 102.0, community).then().statusCode(201)
                .body("likelyDuplicateOf", nullValue());
    }

    @Test
    void anOversizedOrNonImageUploadIsRefusedAndNothingStored() {
        String community = "c-" + UUID.randomUUID();
        assertProblem(report(image(new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}, 5 * 1024 * 1024 + 1),
                "image/jpeg", 46.0, 101.0, community).then(), 413, "photo", "at most");
        assertProblem(report("%PDF-1.7 not an image".getBytes(), "image/jpeg", 46.0, 101.0, community).then(), 415,
                "photo", "JPEG, PNG or WebP");
        assertProblem(report("<svg xmlns='http://www.w3.org/2000/svg'/>".getBytes(), "image/svg+xml", 46.0, 101.0,
                community).then(), 415, "photo", "JPEG");
        assertProblem(report(JPEG, "image/jpeg", 95.0, 101.0, community).then(), 400, "latitude", "-90 to 90");
        assertProblem(given().multiPart("category", "fallen-tree").multiPart("latitude", "46")
                .multiPart("longitude", "101").multiPart("reportedBy", UUID.randomUUID().toString())
                .post("/api/v1/hazard-reports").then(), 400, "photo", "must not be null");
        given().get("/api/v1/hazard-reports?community=" + community).then().body("totalItems", equalTo(0));
    }

    private static Response staff(String id, String action, String body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/v1/hazard-reports/" + id + "/" + action);
    }
}
