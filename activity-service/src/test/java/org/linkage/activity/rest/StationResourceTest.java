package org.linkage.activity.rest;

import org.linkage.activity.AsAdmin;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.linkage.testing.InfrastructureTestResource;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.linkage.activity.ApiAssertions.assertProblem;

@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
class StationResourceTest implements AsAdmin {

    /** Stations of this test live in a community of their own, far from the others, near 45°N 100°E. */
    private static String station(String community, String name, String kind, double latitude, double longitude) {
        return given().contentType(ContentType.JSON).body("""
                        {"name": "%s", "kind": "%s", "address": "1 Test Road",
                         "location": {"latitude": %s, "longitude": %s}, "community": "%s",
                         "openingHours": [{"day": "MONDAY", "opens": "08:30", "closes": "17:30"}],
                         "partnerOrganisations": ["Red Cross"]}"""
                        .formatted(name, kind, latitude, longitude, community))
                .post("/api/v1/stations").then().statusCode(201).extract().path("id");
    }

    @Test
    void stationsAreFoundInABoxByNameAndAroundAPointNearestFirst() {
        String community = "c-" + UUID.randomUUID();
        String centre = station(community, "B centre", "COMMUNITY_CENTRE", 45.0000, 100.0000);
        String school = station(community, "A school", "SCHOOL", 45.0050, 100.0000);
        String far = station(community, "C hospital", "COMMUNITY_HOSPITAL", 45.1000, 100.0000);

        given().get("/api/v1/stations/" + centre).then().statusCode(200)
                .body("name", equalTo("B centre"))
                .body("openingHours[0].opens", equalTo("08:30:00"))
                .body("partnerOrganisations", contains("Red Cross"));
        given().get("/api/v1/stations?community=%s&minLatitude=44.99&minLongitude=99.99&maxLatitude=45.01"
                        .formatted(community) + "&maxLongitude=100.01")
                .then().statusCode(200).body("items.id", contains(school, centre)).body("totalItems", equalTo(2));
        given().get("/api/v1/stations?community=%s&latitude=45.001&longitude=100&radiusMetres=1000"
                        .formatted(community))
                .then().statusCode(200)
                .body("items.id", contains(centre, school))
                .body("items[0].distanceMetres", equalTo(111));
        given().get("/api/v1/stations?community=%s&latitude=45&longitude=100&radiusMetres=20000&kind=COMMUNITY_HOSPITAL"
                        .formatted(community))
                .then().body("items.id", contains(far));
    }

    /** Found by the fuzz test: page * size overflowed the int offset of the stations found, a 500. */
    @Test
    void aPageFarBeyondTheLastIsEmpty() {
        String community = "c-" + UUID.randomUUID();
        station(community, "Only", "SCHOOL", 45.0, 100.0);
        given().get("/api/v1/stations?community=%s&page=2147483647&size=20".formatted(community))
                .then().statusCode(200).body("items.size()", equalTo(0)).body("totalItems", equalTo(1));
        given().get("/api/v1/stations?community=%s&latitude=45&longitude=100&radiusMetres=100&page=2147483647"
                        .formatted(community))
                .then().statusCode(200).body("items.size()", equalTo(0)).body("totalItems", equalTo(1));
    }

    @Test
    void badSearchesAreProblems() {
        assertProblem(given().get("/api/v1/stations?latitude=45&radiusMetres=100").then(), 400, "longitude",
                "required");
        assertProblem(given().get("/api/v1/stations?latitude=45&longitude=100&radiusMetres=100&minLatitude=44")
                .then(), 400, "radiusMetres", "bounding box");
        assertProblem(given().get("/api/v1/stations?minLatitude=46&maxLatitude=45").then(), 400, "maxLatitude",
                "minLatitude");
        assertProblem(given().get("/api/v1/stations?kind=CASTLE").then(), 400, "kind", "one of");
    }

    @Test
    void aStationThatClosesBeforeItOpensIsRefusedAndNotStored() {
        String community = "c-" + UUID.randomUUID();
        assertProblem(given().contentType(ContentType.JSON).body("""
                        {"name": "X", "kind": "SCHOOL", "address": "1 Road", "community": "%s",
                         "location": {"latitude": 45, "longitude": 100},
                         "openingHours": [{"day": "MONDAY", "opens": "17:30", "closes": "08:30"}]}"""
                        .formatted(community))
                .post("/api/v1/stations").then(), 400, "openingHours[0].closes", "after opens");
        assertProblem(given().contentType(ContentType.JSON).body("""
                        {"name": "X", "kind": "CASTLE", "address": "1 Road", "community": "%s",
                         "location": {"latitude": 45, "longitude": 100}}""".formatted(community))
                .post("/api/v1/stations").then(), 400, "kind", "must be one of COMMUNITY_CENTRE");
        given().get("/api/v1/stations?community=" + community).then().body("totalItems", equalTo(0));
        assertProblem(given().get("/api/v1/stations/" + UUID.randomUUID()).then(), 404);
    }
}
