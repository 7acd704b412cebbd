package org.linkage.activity.rest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.linkage.activity.AsAdmin;
import org.linkage.testing.InfrastructureTestResource;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.linkage.activity.ApiAssertions.assertProblem;

/**
 * Positions come in and go out in WGS-84, GCJ-02 or BD-09, through the API (the conversions themselves are
 * unit-tested in the chassis). The point is a published WGS-84 / GCJ-02 pair in Beijing.
 */
@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
class CoordinateSystemsTest implements AsAdmin {

    private static final double WGS_LATITUDE = 39.911954;
    private static final double WGS_LONGITUDE = 116.377817;
    private static final double GCJ_LATITUDE = 39.91334545536069;
    private static final double GCJ_LONGITUDE = 116.38404722455657;
    private static final double CENTIMETRE = 1e-7;

    private static final RestAssuredConfig DOUBLES = RestAssured.config()
            .jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE));

    private static RequestSpecification api() {
        return given().config(DOUBLES);
    }

    private static String station(String community, String location) {
        return api().contentType(ContentType.JSON).body("""
                        {"name": "Beijing test", "kind": "SCHOOL", "address": "1 Test Road",
                         "location": %s, "community": "%s",
                         "openingHours": [{"day": "MONDAY", "opens": "08:30", "closes": "17:30"}]}"""
                        .formatted(location, community))
                .post("/api/v1/stations").then().statusCode(201).extract().path("id");
    }

    @Test
    void aGcj02PositionIsStoredAsWgs84AndGivenBackInTheSystemAskedFor() {
        String community = "c-" + UUID.randomUUID();
        String id = station(community, """
                {"latitude": %s, "longitude": %s, "system": "GCJ02"}""".formatted(GCJ_LATITUDE, GCJ_LONGITUDE));

        api().get("/api/v1/stations/" + id).then().statusCode(200)
                .body("location.latitude", closeTo(WGS_LATITUDE, CENTIMETRE))
                .body("location.longitude", closeTo(WGS_LONGITUDE, CENTIMETRE))
                .body("location.system", equalTo("WGS84"));
        api().header("Accept-Coordinate-System", "GCJ02").get("/api/v1/stations/" + id).then().statusCode(200)
                .body("location.latitude", closeTo(GCJ_LATITUDE, CENTIMETRE))
                .body("location.longitude", closeTo(GCJ_LONGITUDE, CENTIMETRE))
                .body("location.system", equalTo("GCJ02"));
        // Baidu's offset lies on top of GCJ-02's, about 700 m further north-east here.
        api().header("Accept-Coordinate-System", "BD09").get("/api/v1/stations/" + id).then().statusCode(200)
                .body("location.latitude", closeTo(39.9197, 0.001))
                .body("location.longitude", closeTo(116.3906, 0.001))
                .body("location.system", equalTo("BD09"));
        // The same list searched around the GCJ-02 point: the station is at that point.
        api().header("Accept-Coordinate-System", "GCJ02")
                .get("/api/v1/stations?community=%s&latitude=%s&longitude=%s&radiusMetres=100&coordinateSystem=GCJ02"
                        .formatted(community, GCJ_LATITUDE, GCJ_LONGITUDE))
                .then().statusCode(200).body("items.id", contains(id)).body("items[0].distanceMetres", equalTo(0))
                .body("items[0].location.system", equalTo("GCJ02"));
    }

    @Test
    void withoutASystemPositionsAreWgs84AsBefore() {
        String id = station("c-" + UUID.randomUUID(), """
                {"latitude": %s, "longitude": %s}""".formatted(WGS_LATITUDE, WGS_LONGITUDE));
        api().get("/api/v1/stations/" + id).then().statusCode(200)
                .body("location.latitude", equalTo(WGS_LATITUDE))
                .body("location.longitude", equalTo(WGS_LONGITUDE));
    }

    @Test
    void aPointOutsideChinaIsNotShifted() {
        String id = station("c-" + UUID.randomUUID(), """
                {"latitude": 51.5007, "longitude": -0.1246, "system": "GCJ02"}""");
        api().header("Accept-Coordinate-System", "BD09").get("/api/v1/stations/" + id).then().statusCode(200)
                .body("location.latitude", equalTo(51.5007))
                .body("location.longitude", equalTo(-0.1246));
    }

    @Test
    void anUnknownSystemIsAProblemNamingWhereItWasSaid() {
        assertProblem(api().contentType(ContentType.JSON).body("""
                        {"name": "X", "kind": "SCHOOL", "address": "1 Test Road", "community": "c",
                         "location": {"latitude": 39.9, "longitude": 116.4, "system": "MARS"},
                         "openingHours": [{"day": "MONDAY", "opens": "08:30", "closes": "17:30"}]}""")
                .post("/api/v1/stations").then(), 400, "location.system", "");
        assertProblem(api().header("Accept-Coordinate-System", "MARS").get("/api/v1/stations").then(),
                400, "Accept-Coordinate-System", "WGS84");
        assertProblem(api().get("/api/v1/stations?latitude=39.9&longitude=116.4&radiusMetres=100"
                + "&coordinateSystem=MARS").then(), 400, "coordinateSystem", "");
    }
}
