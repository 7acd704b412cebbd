package org.linkage.activity.rest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.linkage.activity.AsAdmin;
import org.linkage.chassis.tabular.SheetFormat;
import org.linkage.chassis.tabular.Table;
import org.linkage.chassis.tabular.TableReader;
import org.linkage.events.EventEnvelope;
import org.linkage.events.GeoPoint;
import org.linkage.events.TimeWindow;
import org.linkage.events.Topics;
import org.linkage.events.assignment.AssignmentAccepted;
import org.linkage.events.assignment.AssignmentOffered;
import org.linkage.events.need.Urgency;
import org.linkage.testing.As;
import org.linkage.testing.InfrastructureTestResource;
import org.linkage.testing.Tokens;
import org.linkage.testing.TopicProbe;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.linkage.activity.ActivityFixtures.activity;
import static org.linkage.activity.ActivityFixtures.station;
import static org.linkage.activity.BeneficiaryFixtures.elderRequest;
import static org.linkage.activity.BeneficiaryFixtures.marker;
import static org.linkage.activity.BeneficiaryFixtures.needFor;
import static org.linkage.activity.BeneficiaryFixtures.register;
import static org.linkage.activity.HazardFixtures.JPEG;
import static org.linkage.activity.HazardFixtures.report;
import static org.linkage.activity.NeedFixtures.asRequester;
import static org.linkage.activity.NeedFixtures.awaitValue;
import static org.linkage.activity.NeedFixtures.newRequester;

@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
class ExportTest implements AsAdmin {

    private static String community() {
        return "exp-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static List<List<String>> csv(String path) {
        String text = new String(given().get(path).then().statusCode(200).contentType(startsWith("text/csv"))
                .extract().asByteArray(), StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFF"), text);
        return TableReader.csv(text);
    }

    @Test
    void activitiesWishesAndHazardsOfTheCurrentMonthExportPerCommunityAndStation() {
        String community = community();
        String stationId = station(community);
        String activityId = activity(stationId, 5);
        activity(station(community), 5);
        MicroWishResourceTest.post(community, "一副老花镜");
        report(JPEG, "image/jpeg", 31.2, 121.4, community).then().statusCode(201);

        List<List<String>> all = csv("/api/v1/exports/activities?community=" + community);
        assertEquals(List.of("编号", "站点", "社区", "名称"), all.get(0).subList(0, 4));
        assertEquals(3, all.size());
        List<List<String>> one = csv("/api/v1/exports/activities?community=" + community + "&station=" + stationId);
        assertEquals(2, one.size());
        assertEquals(activityId, one.get(1).get(0));
        assertEquals("Station " + community, one.get(1).get(1));

        List<List<String>> wishes = csv("/api/v1/exports/wishes?community=" + community);
        assertEquals("一副老花镜", wishes.get(1).get(1));
        List<List<String>> hazards = csv("/api/v1/exports/hazards?community=" + community);
        assertEquals(2, hazards.size());
        assertEquals("REPORTED", hazards.get(1).get(3));

        byte[] xlsx = given().get("/api/v1/exports/activities?format=xlsx&community=" + community)
                .then().statusCode(200).contentType(SheetFormat.XLSX_TYPE)
                .header("Content-Disposition", containsString("activities.xlsx")).extract().asByteArray();
        Table table = TableReader.read(xlsx, 10);
        assertEquals(2, table.rows().size());
        assertEquals("5", table.rows().get(0).cell(6));

        List<List<String>> english = TableReader.csv(given().header("Accept-Language", "en")
                .get("/api/v1/exports/hazards?community=" + community).then().statusCode(200).extract().asString());
        assertEquals(List.of("id", "category", "severity", "status"), english.get(0).subList(0, 4));
        assertEquals(1, csv("/api/v1/exports/hazards?community=" + community + "&from=2020-01-01&to=2020-01-31")
                .size());
    }

    @Test
    void emergenciesExportWithTheirTimeToFirstAcceptAndNoBeneficiaryData() {
        String community = community();
        String socialWorker = newRequester();
        String marker = marker();
        String elder = register(elderRequest(marker, socialWorker).replace("\"xinhua\"", "\"" + community + "\""));
        String body = needFor(elder, "home-visit", socialWorker).replace("ROUTINE", "EMERGENCY");
        String answered = asRequester(socialWorker).body(body).post("/api/v1/needs").then().statusCode(201)
                .extract().path("id");
        String unanswered = asRequester(socialWorker).body(body).post("/api/v1/needs").then().statusCode(201)
                .extract().path("id");
        asRequester(socialWorker).body(needFor(elder, "home-visit", socialWorker)).post("/api/v1/needs")
                .then().statusCode(201);
        Instant start = Instant.now().plusSeconds(3600);
        for (int i = 0; i < 2; i++) {
            TopicProbe.send(Topics.ASSIGNMENT_EVENTS, EventEnvelope.wrap(AssignmentOffered.of(UUID.randomUUID(),
                    UUID.fromString(answered), UUID.randomUUID(), socialWorker, "home-visit", Urgency.EMERGENCY,
                    new TimeWindow(start, start.plusSeconds(3600)), new GeoPoint(31.2, 121.4), "Fell at home",
                    Instant.now().plusSeconds(120)), Instant.now(), null));
        }
        TopicProbe.send(Topics.ASSIGNMENT_EVENTS, EventEnvelope.wrap(AssignmentAccepted.of(UUID.randomUUID(),
                UUID.fromString(answered), UUID.randomUUID(), socialWorker), Instant.now(), null));
        awaitValue(() -> given().get("/api/v1/needs/" + answered).then().extract().path("status"),
                "ASSIGNED"::equals);
        awaitValue(() -> csv("/api/v1/exports/emergencies?community=" + community),
                rows -> rows.size() == 3 && "2".equals(rows.get(1).get(6)));

        List<List<String>> rows = csv("/api/v1/exports/emergencies?community=" + community);
        assertEquals(List.of("编号", "类别", "社区", "求助时间", "首次接单时间", "响应秒数", "通知志愿者数", "状态"),
                rows.get(0));
        assertEquals(List.of(answered, unanswered), List.of(rows.get(1).get(0), rows.get(2).get(0)));
        assertFalse(rows.get(1).get(4).isEmpty(), rows.toString());
        assertTrue(Long.parseLong(rows.get(1).get(5)) >= 0, rows.toString());
        assertEquals("ASSIGNED", rows.get(1).get(7));
        assertEquals(List.of("", "", "0"), rows.get(2).subList(4, 7));
        rows.forEach(row -> assertFalse(String.join(",", row).contains(marker), row.toString()));
        String english = given().header("Accept-Language", "en").get("/api/v1/exports/emergencies?community="
                + community).then().statusCode(200).extract().asString();
        assertTrue(english.contains("secondsToFirstAccept"), english);
    }

    @Test
    void beneficiariesAreMaskedInNeedsUnlessAnAdminRevealsThem() {
        String community = community();
        String socialWorker = newRequester();
        String marker = marker();
        String elder = register(elderRequest(marker, socialWorker).replace("\"xinhua\"", "\"" + community + "\""));
        asRequester(socialWorker).body(needFor(elder, "home-visit", socialWorker)).post("/api/v1/needs")
                .then().statusCode(201);

        List<String> masked = csv("/api/v1/exports/needs?community=" + community).get(1);
        assertEquals("E**", masked.get(10));
        assertEquals("Alley ***", masked.get(11));
        List<String> revealed = csv("/api/v1/exports/needs?community=" + community + "&reveal=beneficiary,address")
                .get(1);
        assertEquals("Elder " + marker, revealed.get(10));
        assertEquals("Alley " + marker + ", No. 7", revealed.get(11));

        String staff = Tokens.socialWorker("sw-export", community);
        As.token(staff).get("/api/v1/exports/needs?reveal=beneficiary").then().statusCode(403)
                .contentType("application/problem+json").body("violations[0].field", equalTo("reveal"));
        As.token(staff).get("/api/v1/exports/needs").then().statusCode(200);
        As.token(staff).get("/api/v1/exports/needs?community=" + community()).then().statusCode(403);
    }

    @Test
    void badExportRequestsAreProblemsNamingTheParameter() {
        given().get("/api/v1/exports/hazards?from=2024-12-01&to=2026-01-02").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("to"))
                .body("violations[0].message", containsString("366"));
        given().get("/api/v1/exports/activities?station=nope").then().statusCode(400)
                .body("violations[0].field", equalTo("station"));
        given().get("/api/v1/exports/wishes?format=ods").then().statusCode(400)
                .body("violations[0].field", equalTo("format"));
        given().get("/api/v1/exports/needs?reveal=phone").then().statusCode(400)
                .body("violations[0].field", equalTo("reveal"));
        As.volunteer(UUID.randomUUID()).get("/api/v1/exports/hazards")
                .then().statusCode(403);
    }
}
