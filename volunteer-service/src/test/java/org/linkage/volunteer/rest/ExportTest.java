package org.linkage.volunteer.rest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.linkage.chassis.tabular.TableReader;
import org.linkage.testing.As;
import org.linkage.testing.InfrastructureTestResource;
import org.linkage.testing.Tokens;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
class ExportTest extends SignedInAsStaff {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private record Community(String name, String staff, String phone) {
    }

    /** A community of its own with two volunteers, one of them named like a formula. */
    private static Community community() {
        String name = "exp-" + UUID.randomUUID().toString().substring(0, 8);
        String staff = Tokens.socialWorker("sw-export", name);
        String phone = VolunteerResourceTest.randomPhone();
        As.token(staff).contentType("text/csv")
                .body(("姓名,手机号,技能\n王芳," + phone + ",elder-care\n").getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/volunteers/imports").then().statusCode(200);
        As.token(staff).contentType(ContentType.JSON)
                .body(VolunteerResourceTest.registration(VolunteerResourceTest.randomPhone()).replace("李明", "=1+1"))
                .post("/api/v1/volunteers").then().statusCode(201);
        return new Community(name, staff, phone);
    }

    @Test
    void aCsvExportHasABomChineseHeadingsMaskedPhonesAndNeutralisedFormulas() {
        Community community = community();
        String csv = new String(As.token(community.staff()).get("/api/v1/exports/volunteers")
                .then().statusCode(200).contentType(startsWith("text/csv"))
                .header("Content-Disposition", containsString("volunteers.csv"))
                .extract().asByteArray(), StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("\uFEFF编号,姓名,手机号,社区"), csv);
        List<List<String>> rows = TableReader.csv(csv);
        assertEquals(3, rows.size(), csv);
        List<String> wang = rows.stream().filter(row -> row.get(1).equals("王芳")).findFirst().orElseThrow();
        String phone = community.phone();
        assertEquals(phone.substring(0, 3) + "****" + phone.substring(7), wang.get(2));
        assertEquals(community.name(), wang.get(3));
        assertTrue(rows.stream().anyMatch(row -> row.get(1).equals("'=1+1")), csv);

        String english = As.token(community.staff()).header("Accept-Language", "en-US,en;q=0.9")
                .get("/api/v1/exports/volunteers").then().statusCode(200).extract().asString();
        assertTrue(english.startsWith("\uFEFFid,name,phone,community"), english);
    }

    @Test
    void anAdminRevealsPhonesInAnXlsxExportAndOthersMayNot() throws IOException {
        Community community = community();
        byte[] xlsx = As.token(ADMIN).accept(XLSX)
                .get("/api/v1/exports/volunteers?format=xlsx&reveal=phone&community=" + community.name())
                .then().statusCode(200).contentType(XLSX).extract().asByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var sheet = workbook.getSheetAt(0);
            assertEquals(2, sheet.getLastRowNum());
            boolean found = false;
            for (int r = 1; r <= 2; r++) {
                found |= community.phone().equals(sheet.getRow(r).getCell(2).getStringCellValue());
            }
            assertTrue(found);
        }
        As.token(community.staff()).get("/api/v1/exports/volunteers?reveal=phone")
                .then().statusCode(403).contentType("application/problem+json")
                .body("violations[0].field", equalTo("reveal"));
        As.token(community.staff()).get("/api/v1/exports/volunteers?community=another")
                .then().statusCode(403);
        As.token(ADMIN).get("/api/v1/exports/volunteers?reveal=address").then().statusCode(400)
                .body("violations[0].field", equalTo("reveal"));
        As.volunteer(UUID.randomUUID()).get("/api/v1/exports/volunteers")
                .then().statusCode(403);
    }

    @Test
    void hoursExportDefaultsToTheCurrentMonthAndRefusesBadInput() {
        Community community = community();
        String csv = As.token(community.staff()).get("/api/v1/exports/hours").then().statusCode(200)
                .extract().asString();
        assertTrue(csv.startsWith("\uFEFF服务日期,志愿者编号"), csv);
        As.token(community.staff()).get("/api/v1/exports/hours?from=2025-01-01&to=2026-06-30")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("to"))
                .body("violations[0].message", containsString("366"));
        As.token(community.staff()).get("/api/v1/exports/hours?from=2026-01-01")
                .then().statusCode(400).body("violations[0].field", equalTo("to"));
        As.token(community.staff()).get("/api/v1/exports/hours?format=pdf")
                .then().statusCode(400).body("violations[0].field", equalTo("format"));
    }

    /** The organisations the sheets name, in the catalogue (spreadsheets name them by their Chinese names). */
    private static void cataloguedOrganisations() {
        GroupCatalogueTest.organisation("meituan", "美团", "RIDER");
        GroupCatalogueTest.organisation("eleme", "饿了么", "RIDER");
        GroupCatalogueTest.organisation("fudan-university", "复旦大学", "COLLEGE_STUDENT");
    }

    @Test
    void volunteersImportedWithTheirGroupAreExportedByGroupAndOrganisation() {
        Community community = community();
        cataloguedOrganisations();
        String rider = VolunteerResourceTest.randomPhone();
        String sheet = "姓名,手机号,技能,群体,单位\n张伟," + rider + ",first-aid,外卖骑手,美团\n"
                + "李娜," + VolunteerResourceTest.randomPhone() + ",tutoring,返乡大学生,复旦大学\n";
        String id = As.token(community.staff()).contentType("text/csv")
                .body(sheet.getBytes(StandardCharsets.UTF_8)).post("/api/v1/volunteers/imports")
                .then().statusCode(200).extract().path("accepted[0].volunteerId");
        given().get("/api/v1/volunteers/" + id).then().statusCode(200)
                .body("groupType", equalTo("RIDER")).body("organisation", equalTo("meituan"));

        List<List<String>> riders = TableReader.csv(As.token(community.staff())
                .get("/api/v1/exports/volunteers?group=RIDER").then().statusCode(200).extract().asString());
        assertEquals(2, riders.size());
        assertEquals(List.of("张伟", "RIDER", "美团"), List.of(riders.get(1).get(1), riders.get(1).get(4),
                riders.get(1).get(5)));
        assertEquals(2, TableReader.csv(As.token(community.staff())
                .get("/api/v1/exports/volunteers?organisation=复旦大学").then().statusCode(200).extract().asString())
                .size());
        As.token(community.staff()).get("/api/v1/exports/hours?group=ALIENS").then().statusCode(400)
                .body("violations[0].field", equalTo("group"));
        As.token(community.staff()).get("/api/v1/exports/volunteers?team=not-a-uuid").then()
                .statusCode(400).body("violations[0].field", equalTo("team"));
    }

    @Test
    void theMonthsHoursAreRolledUpPerVolunteerGroup() {
        Community community = community();
        cataloguedOrganisations();
        String sheet = "姓名,手机号,技能,群体,单位\n张伟," + VolunteerResourceTest.randomPhone() + ",first-aid,外卖骑手,美团\n"
                + "刘强," + VolunteerResourceTest.randomPhone() + ",first-aid,骑手,饿了么\n"
                + "李娜," + VolunteerResourceTest.randomPhone() + ",tutoring,返乡大学生,复旦大学\n";
        List<String> ids = As.token(community.staff()).contentType("text/csv")
                .body(sheet.getBytes(StandardCharsets.UTF_8)).post("/api/v1/volunteers/imports")
                .then().statusCode(200).extract().path("accepted.volunteerId");
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).withDayOfMonth(1).toString();
        for (String[] entry : new String[][]{{ids.get(0), "3", today}, {ids.get(1), "2.5", today},
                {ids.get(2), "4", today}, {ids.get(2), "1", "2025-01-10"}}) {
            As.token(community.staff()).contentType(ContentType.JSON)
                    .body(HoursLedgerTest.correction(entry[1], entry[2]))
                    .post("/api/v1/volunteers/" + entry[0] + "/hours/corrections").then().statusCode(201);
        }

        // No period: the current month, of the social worker's own community.
        As.token(community.staff()).get("/api/v1/statistics/hours").then().statusCode(200)
                .body("community", equalTo(community.name()))
                .body("hours", equalTo(9.5f))
                .body("volunteers", equalTo(3))
                .body("byGroup.group", contains("COLLEGE_STUDENT", "RIDER"))
                .body("byGroup.find { it.group == 'RIDER' }.hours", equalTo(5.5f))
                .body("byGroup.find { it.group == 'RIDER' }.volunteers", equalTo(2))
                .body("byOrganisation.organisation", contains("eleme", "fudan-university", "meituan"))
                .body("byOrganisation.find { it.organisation == 'meituan' }.hours", equalTo(3.0f))
                .body("byOrganisation.find { it.organisation == 'fudan-university' }.volunteers", equalTo(1));
        // A team's hours: its members' only.
        String team = TeamsTest.createTeam("骑手队-" + UUID.randomUUID());
        for (String rider : ids.subList(0, 2)) {
            As.token(community.staff()).contentType(ContentType.JSON)
                    .body("{\"volunteerId\": \"" + rider + "\", \"role\": \"MEMBER\"}")
                    .post("/api/v1/teams/" + team + "/invitations").then().statusCode(201);
            As.token(community.staff()).contentType(ContentType.JSON).body("{\"decision\": \"APPROVE\"}")
                    .post("/api/v1/teams/" + team + "/members/" + rider + "/decision").then().statusCode(200);
        }
        As.token(community.staff()).get("/api/v1/statistics/hours?team=" + team).then().statusCode(200)
                .body("hours", equalTo(5.5f)).body("volunteers", equalTo(2)).body("byGroup.group", contains("RIDER"));
        As.token(community.staff()).get("/api/v1/statistics/hours?team=not-a-uuid").then().statusCode(400)
                .body("violations[0].field", equalTo("team"));
        As.token(community.staff()).get("/api/v1/statistics/hours?from=2025-01-01&to=2025-01-31").then()
                .statusCode(200).body("hours", equalTo(1.0f)).body("byGroup.group",
                        contains("COLLEGE_STUDENT"));
        As.token(community.staff()).get("/api/v1/statistics/hours?community=elsewhere").then().statusCode(403);
        As.token(community.staff()).get("/api/v1/statistics/hours?from=2025-01-01&to=2026-06-30")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("to"));
        // The hours export narrows to a group the same way.
        assertEquals(3, TableReader.csv(As.token(community.staff()).get("/api/v1/exports/hours?group=RIDER")
                .then().statusCode(200).extract().asString()).size());
    }
}
