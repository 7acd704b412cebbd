package org.linkage.activity.rest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.linkage.activity.AsAdmin;
import org.linkage.chassis.tabular.Table;
import org.linkage.chassis.tabular.TableReader;
import org.linkage.testing.InfrastructureTestResource;

import java.nio.charset.Charset;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.linkage.activity.ApiAssertions.assertProblem;

/** Issue #24 item 1: a station has a zh-CN and an English label, and each reader reads the one of their language. */
@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
class StationLabelsTest implements AsAdmin {

    private static String create(String community, String labels) {
        return given().contentType(ContentType.JSON).body("""
                        {%s, "kind": "COMMUNITY_CENTRE", "address": "新华路88号",
                         "location": {"latitude": 31.2, "longitude": 121.4}, "community": "%s"}"""
                        .formatted(labels, community))
                .post("/api/v1/stations").then().statusCode(201)
                .body("name", equalTo("新华社区中心")).body("label", equalTo("新华社区中心"))
                .extract().path("id");
    }

    @Test
    void aReaderReadsTheLabelOfTheirLanguageAndEnglishFallsBackToChinese() {
        String community = "lbl-" + UUID.randomUUID().toString().substring(0, 8);
        String both = create(community, "\"name\": \"新华社区中心\", \"nameEn\": \"Xinhua Community Centre\"");
        String chineseOnly = create(community, "\"name\": \"新华社区中心\"");

        given().get("/api/v1/stations/" + both).then().statusCode(200)
                .header("Vary", containsString("Accept-Language"))
                .body("label", equalTo("新华社区中心")).body("nameEn", equalTo("Xinhua Community Centre"));
        given().header("Accept-Language", "en").get("/api/v1/stations/" + both).then().statusCode(200)
                .body("label", equalTo("Xinhua Community Centre")).body("name", equalTo("新华社区中心"));
        given().header("Accept-Language", "en").get("/api/v1/stations/" + chineseOnly).then().statusCode(200)
                .body("label", equalTo("新华社区中心")).body("nameEn", nullValue());
        given().header("Accept-Language", "en-US").get("/api/v1/stations?community=" + community).then()
                .statusCode(200).body("items.label", org.hamcrest.Matchers.containsInAnyOrder(
                        "Xinhua Community Centre", "新华社区中心"));

        // Renaming takes both labels, and the audit keeps the old ones.
        given().header("Accept-Language", "en").contentType(ContentType.JSON)
                .body("{\"name\": \"新华路党群服务中心\", \"nameEn\": \"Xinhua Party and Community Centre\"}")
                .put("/api/v1/stations/" + chineseOnly + "/name").then().statusCode(200)
                .body("name", equalTo("新华路党群服务中心")).body("label", equalTo("Xinhua Party and Community Centre"));
        given().contentType(ContentType.JSON).body("{\"name\": \"新华路党群服务中心\"}")
                .put("/api/v1/stations/" + both + "/name").then().statusCode(200)
                .body("nameEn", nullValue()).body("label", equalTo("新华路党群服务中心"));
        given().queryParam("resourceType", "Station").queryParam("resourceId", chineseOnly)
                .get("/api/v1/audit-entries").then().statusCode(200)
                .body("items.purpose", contains("station renamed from 新华社区中心 to 新华路党群服务中心 / "
                        + "Xinhua Party and Community Centre"));
        assertProblem(given().contentType(ContentType.JSON).body("{\"name\": \"站\", \"nameEn\": \" \"}")
                .put("/api/v1/stations/" + both + "/name").then(), 400, "nameEn", "");
    }

    @Test
    void theImportTakesBothLabelsAndTheActivitiesExportShowsTheReadersLabel() {
        String community = "lbl-" + UUID.randomUUID().toString().substring(0, 8);
        byte[] gbk = ("名称,英文名称,类型,地址,纬度,经度,社区\r\n"
                + "新华社区中心,Xinhua Community Centre,社区中心,新华路88号,31.2110,121.4290," + community + "\r\n")
                .getBytes(Charset.forName("GBK"));
        String id = given().contentType("text/csv").body(gbk).post("/api/v1/imports/stations").then()
                .statusCode(200).extract().path("accepted[0].id");
        given().header("Accept-Language", "en").get("/api/v1/stations/" + id).then().statusCode(200)
                .body("name", equalTo("新华社区中心")).body("label", equalTo("Xinhua Community Centre"));

        Instant start = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        given().contentType(ContentType.JSON).body("""
                {"stationId": "%s", "title": "Homework club", "startsAt": "%s", "endsAt": "%s", "capacity": 4,
                 "organiser": "staff-007"}""".formatted(id, start, start.plus(1, ChronoUnit.HOURS)))
                .post("/api/v1/activities").then().statusCode(201);
        // A period of three days around the start, whatever the district's time zone makes its date.
        String period = "&from=" + start.minus(1, ChronoUnit.DAYS).toString().substring(0, 10)
                + "&to=" + start.plus(1, ChronoUnit.DAYS).toString().substring(0, 10);
        Table chinese = TableReader.read(given().get("/api/v1/exports/activities?community=" + community + period)
                .then().statusCode(200).extract().asByteArray(), 10);
        assertEquals("新华社区中心", chinese.rows().get(0).cells().get(1));
        Table english = TableReader.read(given().header("Accept-Language", "en")
                .get("/api/v1/exports/activities?community=" + community + period)
                .then().statusCode(200).extract().asByteArray(), 10);
        assertEquals("station", english.header().get(1));
        assertEquals("Xinhua Community Centre", english.rows().get(0).cells().get(1));
        // The station's figures name it in the reader's language too.
        given().header("Accept-Language", "en").get("/api/v1/statistics?community=" + community + period).then()
                .statusCode(200).body("stations.label", contains("Xinhua Community Centre"))
                .body("stations.name", contains("新华社区中心"));
        given().get("/api/v1/statistics?community=" + community + period).then()
                .statusCode(200).body("stations.label", contains("新华社区中心"));
    }
}
