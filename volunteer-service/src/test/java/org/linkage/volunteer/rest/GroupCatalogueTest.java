package org.linkage.volunteer.rest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.linkage.events.volunteer.VolunteerChanged;
import org.linkage.testing.As;
import org.linkage.testing.InfrastructureTestResource;
import org.linkage.testing.Tokens;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Volunteer group types and organisations are catalogues admins manage, like skills; volunteers refer to them. */
@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
class GroupCatalogueTest extends SignedInAsStaff {

    static String groupCode() {
        return "RETIRED_TEACHER_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    }

    static String entry(String code, String nameZh, String nameEn) {
        return "{\"code\": \"%s\", \"nameZh\": \"%s\", \"nameEn\": \"%s\"}".formatted(code, nameZh, nameEn);
    }

    /** Adds a group type through the admin API and returns its code. */
    static String newGroupType(String nameZh) {
        String code = groupCode();
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(entry(code, nameZh, "Retired teachers"))
                .post("/api/v1/volunteer-group-types").then().statusCode(201);
        return code;
    }

    /** Adds an organisation through the admin API (or finds it there) and returns its code. */
    static String organisation(String code, String nameZh, String groupType) {
        int status = given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"code\": \"%s\", \"nameZh\": \"%s\", \"nameEn\": \"%s\"%s}".formatted(code, nameZh, code,
                        groupType == null ? "" : ", \"groupType\": \"" + groupType + "\""))
                .post("/api/v1/organisations").then().extract().statusCode();
        assertTrue(status == 201 || status == 409, "status " + status);
        return code;
    }

    private static String profile(String field, String value) {
        return "{\"" + field + "\": \"" + value + "\"}";
    }

    @Test
    void anAdminAddsRenamesAndRetiresAGroupTypeEachChangeAudited() {
        given().get("/api/v1/volunteer-group-types").then().statusCode(200)
                .body("code", hasItems("COLLEGE_STUDENT", "COMMUNITY_MOTHER", "PARTY_MEMBER", "RIDER", "RESIDENT",
                        "OTHER"))
                .body("find { it.code == 'RIDER' }.nameZh", equalTo("骑手"));
        String code = groupCode();
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(entry(code, "退休教师", "Retired teachers"))
                .post("/api/v1/volunteer-group-types").then().statusCode(201)
                .header("Location", endsWith("/api/v1/volunteer-group-types/" + code))
                .body("code", equalTo(code)).body("retiredAt", nullValue());

        String volunteer = TestVolunteers.register();
        String profile = "/api/v1/volunteers/" + volunteer + "/profile";
        given().contentType(ContentType.JSON).body(profile("groupType", code)).put(profile)
                .then().statusCode(200).body("groupType", equalTo(code));
        // Matching learns the group with its labels, so that its reasons can name it in the reader's language.
        VolunteerChanged changed = TestVolunteers.awaitEvents(volunteer, "VolunteerChanged").get(0)
                .payloadAs(VolunteerChanged.class);
        assertEquals(code, changed.groupType());
        assertEquals("退休教师", changed.groupNameZh());
        assertEquals("Retired teachers", changed.groupNameEn());

        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"nameZh\": \"退休教职工\", \"nameEn\": \"Retired school staff\"}")
                .put("/api/v1/volunteer-group-types/" + code).then().statusCode(200)
                .body("nameZh", equalTo("退休教职工"));
        given().auth().oauth2(ADMIN).post("/api/v1/volunteer-group-types/" + code + "/retirement").then()
                .statusCode(200).body("retiredAt", notNullValue());
        given().get("/api/v1/volunteer-group-types").then()
                .body("find { it.code == '" + code + "' }.nameEn", equalTo("Retired school staff"))
                .body("find { it.code == '" + code + "' }.retiredAt", notNullValue());

        // The volunteer who holds it keeps it; nobody takes it up anew.
        given().contentType(ContentType.JSON).body("{\"groupType\": \"" + code + "\", \"bio\": \"退休语文老师\"}")
                .put(profile).then().statusCode(200).body("groupType", equalTo(code));
        String other = TestVolunteers.register();
        given().contentType(ContentType.JSON).body(profile("groupType", code))
                .put("/api/v1/volunteers/" + other + "/profile").then().statusCode(422)
                .contentType("application/problem+json")
                .body("violations.field", contains("groupType"))
                .body("detail", containsString("已从志愿者群体类型目录中停用"));
        given().contentType(ContentType.JSON).header("Accept-Language", "en").body(profile("groupType", "ALIENS"))
                .put("/api/v1/volunteers/" + other + "/profile").then().statusCode(400)
                .body("violations.field", contains("groupType"))
                .body("violations.message", contains(containsString("is not in the group types catalogue")));
        given().get("/api/v1/volunteers/" + other).then().body("groupType", nullValue());
        given().auth().oauth2(ADMIN).post("/api/v1/volunteer-group-types/" + code + "/retirement").then()
                .statusCode(409);

        given().auth().oauth2(ADMIN).queryParam("resourceType", "VolunteerGroupType").queryParam("resourceId", code)
                .get("/api/v1/audit-entries").then().statusCode(200)
                .body("items.action", contains("UPDATE", "UPDATE", "CREATE"))
                .body("items.actor", contains("admin-1", "admin-1", "admin-1"))
                .body("items[0].purpose", equalTo("catalogue entry retired"))
                .body("items[1].purpose", containsString("from 退休教师 / Retired teachers"));
    }

    @Test
    void organisationsAreCataloguedWithTheirGroupTypeAndRetiredOnesAreRefused() {
        String code = "school-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"code\": \"" + code + "\", \"nameZh\": \"复旦大学\", \"nameEn\": \"Fudan University\", "
                        + "\"groupType\": \"COLLEGE_STUDENT\"}")
                .post("/api/v1/organisations").then().statusCode(201)
                .header("Location", endsWith("/api/v1/organisations/" + code))
                .body("groupType", equalTo("COLLEGE_STUDENT")).body("retiredAt", nullValue());
        String volunteer = TestVolunteers.register();
        String profile = "/api/v1/volunteers/" + volunteer + "/profile";
        given().contentType(ContentType.JSON).body("{\"groupType\": \"COLLEGE_STUDENT\", \"organisation\": \""
                + code + "\"}").put(profile).then().statusCode(200).body("organisation", equalTo(code));

        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"nameZh\": \"复旦大学团委\", \"nameEn\": \"Fudan University Youth League\"}")
                .put("/api/v1/organisations/" + code).then().statusCode(200).body("nameZh", equalTo("复旦大学团委"))
                .body("groupType", equalTo("COLLEGE_STUDENT"));
        given().auth().oauth2(ADMIN).post("/api/v1/organisations/" + code + "/retirement").then().statusCode(200)
                .body("retiredAt", notNullValue());
        given().get("/api/v1/organisations").then().statusCode(200)
                .body("find { it.code == '" + code + "' }.retiredAt", notNullValue());
        String other = TestVolunteers.register();
        given().contentType(ContentType.JSON).body(profile("organisation", code))
                .put("/api/v1/volunteers/" + other + "/profile").then().statusCode(422)
                .contentType("application/problem+json").body("violations.field", contains("organisation"));

        // An organisation of a retired or unknown group type is refused, naming the field.
        String retiredGroup = newGroupType("退休教师");
        given().auth().oauth2(ADMIN).post("/api/v1/volunteer-group-types/" + retiredGroup + "/retirement").then()
                .statusCode(200);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"code\": \"branch-" + UUID.randomUUID().toString().substring(0, 8) + "\", \"nameZh\": "
                        + "\"支部\", \"nameEn\": \"Branch\", \"groupType\": \"" + retiredGroup + "\"}")
                .post("/api/v1/organisations").then().statusCode(422).body("violations.field", contains("groupType"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"code\": \"grid-" + UUID.randomUUID().toString().substring(0, 8) + "\", \"nameZh\": "
                        + "\"网格\", \"nameEn\": \"Grid\", \"groupType\": \"ALIENS\"}")
                .post("/api/v1/organisations").then().statusCode(400).body("violations.field", contains("groupType"));
        given().auth().oauth2(ADMIN).queryParam("resourceType", "Organisation").queryParam("resourceId", code)
                .get("/api/v1/audit-entries").then().statusCode(200)
                .body("items.action", contains("UPDATE", "UPDATE", "CREATE"));
    }

    @Test
    void badGroupTypeAndOrganisationChangesAreProblemsNamingTheField() {
        String code = newGroupType("退休教师");
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(entry(code, "退休教师", "Retired teachers"))
                .post("/api/v1/volunteer-group-types").then().statusCode(409).contentType("application/problem+json")
                .body("violations.field", contains("code"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(entry(groupCode(), " ", "Blank"))
                .post("/api/v1/volunteer-group-types").then().statusCode(400)
                .body("violations.field", contains("nameZh"));
        // Group types are spelt like the six the district started with; organisations like the other catalogues.
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).header("Accept-Language", "en")
                .body(entry("retired-teacher", "退休教师", "Retired teachers"))
                .post("/api/v1/volunteer-group-types").then().statusCode(400)
                .body("violations.field", contains("code"))
                .body("violations.message", contains(containsString("upper-case")));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(entry("FUDAN", "复旦大学", "Fudan"))
                .post("/api/v1/organisations").then().statusCode(400).body("violations.field", contains("code"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"code\": \"" + groupCode() + "\", \"nameZh\": \"名\", \"nameEn\": \"N\", "
                        + "\"groupType\": \"RIDER\"}")
                .post("/api/v1/volunteer-group-types").then().statusCode(400)
                .body("violations.field", contains("groupType"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"nameZh\": \"名\", \"nameEn\": \" \"}")
                .put("/api/v1/organisations/no-such-organisation").then().statusCode(400)
                .body("violations.field", contains("nameEn"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"nameZh\": \"名\", \"nameEn\": \"N\"}")
                .put("/api/v1/organisations/no-such-organisation").then().statusCode(404);
        given().auth().oauth2(ADMIN).post("/api/v1/volunteer-group-types/NO_SUCH_GROUP/retirement").then()
                .statusCode(404);
        // Staff other than admins read the catalogues but do not change them.
        given().contentType(ContentType.JSON).body(entry(groupCode(), "名", "Name"))
                .post("/api/v1/volunteer-group-types").then().statusCode(403);
        given().contentType(ContentType.JSON).body(entry("org-x", "名", "Name"))
                .post("/api/v1/organisations").then().statusCode(403);
        given().post("/api/v1/volunteer-group-types/RIDER/retirement").then().statusCode(403);
        given().contentType(ContentType.JSON).body("{\"nameZh\": \"名\", \"nameEn\": \"N\"}")
                .put("/api/v1/organisations/" + code.toLowerCase(Locale.ROOT)).then().statusCode(403);
        given().get("/api/v1/volunteer-group-types").then()
                .body("find { it.code == '" + code + "' }.nameZh", equalTo("退休教师"));
    }

    @Test
    void anImportNamesGroupsAndOrganisationsByTheirLabelsAndRefusesUnknownOrRetiredOnesPerRow() {
        String community = "grp-" + UUID.randomUUID().toString().substring(0, 8);
        String staff = Tokens.socialWorker("sw-groups", community);
        String group = newGroupType("退休教师" + community);
        String school = organisation("school-" + community, "同济大学" + community, "COLLEGE_STUDENT");
        String retired = organisation("closed-" + community, "停办学校" + community, null);
        given().auth().oauth2(ADMIN).post("/api/v1/organisations/" + retired + "/retirement").then().statusCode(200);
        String sheet = "姓名,手机号,技能,群体,单位\n"
                + "王芳," + VolunteerResourceTest.randomPhone() + ",tutoring,退休教师" + community + ",同济大学" + community
                + "\n赵磊," + VolunteerResourceTest.randomPhone() + ",tutoring,外星人,\n"
                + "孙丽," + VolunteerResourceTest.randomPhone() + ",tutoring,大学生,停办学校" + community + "\n"
                + "周杰," + VolunteerResourceTest.randomPhone() + ",tutoring,返乡大学生,无名单位" + community + "\n";
        As.token(staff).contentType("text/csv").body(sheet.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/volunteers/imports").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", contains("rows[3].groupType", "rows[4].organisation",
                        "rows[5].organisation"));
        String id = As.token(staff).contentType("text/csv").body(sheet.getBytes(StandardCharsets.UTF_8))
                .queryParam("partial", true).post("/api/v1/volunteers/imports").then().statusCode(200)
                .body("accepted.row", contains(2)).body("rejected.row", contains(3, 4, 5))
                .extract().path("accepted[0].volunteerId");
        given().get("/api/v1/volunteers/" + id).then().statusCode(200)
                .body("groupType", equalTo(group)).body("organisation", equalTo(school));
        // The export filters by the organisation's code or its name, and shows its name.
        List<List<String>> rows = org.linkage.chassis.tabular.TableReader.csv(As.token(staff)
                .get("/api/v1/exports/volunteers?organisation=同济大学" + community).then().statusCode(200)
                .extract().asString());
        assertEquals(2, rows.size());
        assertEquals(List.of(group, "同济大学" + community), List.of(rows.get(1).get(4), rows.get(1).get(5)));
        assertEquals(2, org.linkage.chassis.tabular.TableReader.csv(As.token(staff)
                .get("/api/v1/exports/volunteers?organisation=" + school).then().statusCode(200)
                .extract().asString()).size());
    }

    @Test
    void hoursCountUnderTheGroupTheVolunteerWasInWhenTheyWereRecorded() {
        String community = "grp-" + UUID.randomUUID().toString().substring(0, 8);
        String staff = Tokens.socialWorker("sw-groups", community);
        String id = As.token(staff).contentType("text/csv")
                .body(("姓名,手机号,技能,群体\n张伟," + VolunteerResourceTest.randomPhone() + ",first-aid,骑手\n")
                        .getBytes(StandardCharsets.UTF_8)).post("/api/v1/volunteers/imports").then().statusCode(200)
                .extract().path("accepted[0].volunteerId");
        String firstOfMonth = LocalDate.now(ZoneId.of("Asia/Shanghai")).withDayOfMonth(1).toString();
        As.token(staff).contentType(ContentType.JSON).body(HoursLedgerTest.correction("3", firstOfMonth))
                .post("/api/v1/volunteers/" + id + "/hours/corrections").then().statusCode(201);
        // Mid-month the rider goes back to college.
        As.token(staff).contentType(ContentType.JSON).body(profile("groupType", "COLLEGE_STUDENT"))
                .put("/api/v1/volunteers/" + id + "/profile").then().statusCode(200);
        As.token(staff).contentType(ContentType.JSON).body(HoursLedgerTest.correction("2", firstOfMonth))
                .post("/api/v1/volunteers/" + id + "/hours/corrections").then().statusCode(201);

        As.token(staff).get("/api/v1/statistics/hours").then().statusCode(200)
                .body("hours", equalTo(5.0f)).body("volunteers", equalTo(1))
                .body("byGroup.group", contains("COLLEGE_STUDENT", "RIDER"))
                .body("byGroup.find { it.group == 'RIDER' }.hours", equalTo(3.0f))
                .body("byGroup.find { it.group == 'COLLEGE_STUDENT' }.hours", equalTo(2.0f));
        // The hours export narrows to the group recorded on the entries, too.
        assertEquals(2, org.linkage.chassis.tabular.TableReader.csv(As.token(staff)
                .get("/api/v1/exports/hours?group=RIDER").then().statusCode(200).extract().asString()).size());
        As.token(staff).get("/api/v1/exports/hours?group=ALIENS").then().statusCode(400)
                .body("violations[0].field", equalTo("group"));
    }
}
