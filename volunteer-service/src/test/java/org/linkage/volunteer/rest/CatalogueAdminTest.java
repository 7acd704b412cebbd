package org.linkage.volunteer.rest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.linkage.testing.InfrastructureTestResource;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** Admins manage the catalogues through the API: create, rename, retire; every change audited. */
@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
class CatalogueAdminTest extends SignedInAsStaff {

    private static String code(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String entry(String code, String nameZh, String nameEn) {
        return "{\"code\": \"%s\", \"nameZh\": \"%s\", \"nameEn\": \"%s\"}".formatted(code, nameZh, nameEn);
    }

    @Test
    void anAdminAddsRenamesAndRetiresASkillEachChangeAudited() {
        String code = code("sign-language");
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(entry(code, "手语", "Sign language"))
                .post("/api/v1/skills").then().statusCode(201)
                .header("Location", endsWith("/api/v1/skills/" + code))
                .body("code", equalTo(code)).body("retiredAt", nullValue());

        // A volunteer may now be registered with it.
        String volunteer = TestVolunteers.register();
        String skills = "/api/v1/volunteers/" + volunteer + "/skills";
        given().contentType(ContentType.JSON).body("{\"skills\": [{\"code\": \"" + code + "\", \"level\": 2}]}")
                .put(skills).then().statusCode(200).body("skills", contains(code));

        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"nameZh\": \"手语翻译\", \"nameEn\": \"Sign-language interpreting\"}")
                .put("/api/v1/skills/" + code).then().statusCode(200).body("nameZh", equalTo("手语翻译"));
        given().auth().oauth2(ADMIN).post("/api/v1/skills/" + code + "/retirement").then().statusCode(200)
                .body("retiredAt", notNullValue());
        given().get("/api/v1/skills").then().statusCode(200)
                .body("find { it.code == '" + code + "' }.nameEn", equalTo("Sign-language interpreting"))
                .body("find { it.code == '" + code + "' }.retiredAt", notNullValue());

        // The volunteer who holds it keeps it; nobody takes it up anew.
        given().contentType(ContentType.JSON)
                .body("{\"skills\": [{\"code\": \"" + code + "\", \"level\": 3}, {\"code\": \"arts\", \"level\": 1}]}")
                .put(skills).then().statusCode(200);
        String other = TestVolunteers.register();
        given().contentType(ContentType.JSON)
                .body("{\"skills\": [{\"code\": \"arts\", \"level\": 1}, {\"code\": \"" + code + "\", \"level\": 1}]}")
                .put("/api/v1/volunteers/" + other + "/skills").then().statusCode(422)
                .contentType("application/problem+json")
                .body("violations.field", contains("skills[1].code"))
                .body("detail", containsString("已从技能目录中停用"));
        given().auth().oauth2(ADMIN).post("/api/v1/skills/" + code + "/retirement").then().statusCode(409);

        given().auth().oauth2(ADMIN).queryParam("resourceType", "Skill").queryParam("resourceId", code)
                .get("/api/v1/audit-entries").then().statusCode(200)
                .body("items.action", contains("UPDATE", "UPDATE", "CREATE"))
                .body("items.actor", contains("admin-1", "admin-1", "admin-1"))
                .body("items[0].purpose", equalTo("catalogue entry retired"))
                .body("items[1].purpose", containsString("from 手语 / Sign language"));
    }

    @Test
    void aRetiredCertificationTypeOrCourseIsRefusedForNewUseNamingTheField() {
        String type = code("food-hygiene");
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(entry(type, "食品安全", "Food hygiene"))
                .post("/api/v1/certification-types").then().statusCode(201);
        String course = code("fire-safety");
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"code\": \"" + course + "\", \"nameZh\": \"消防安全\", \"nameEn\": \"Fire safety\", "
                        + "\"validityMonths\": 12}")
                .post("/api/v1/training-courses").then().statusCode(201).body("validityMonths", equalTo(12));
        String volunteer = TestVolunteers.register();
        String training = "/api/v1/volunteers/" + volunteer + "/training";
        given().contentType(ContentType.JSON)
                .body("{\"courseCode\": \"" + course + "\", \"completedOn\": \"2026-10-12\"}")
                .post(training).then().statusCode(201).body("validUntil", equalTo("2027-10-11"));

        given().auth().oauth2(ADMIN).post("/api/v1/certification-types/" + type + "/retirement")
                .then().statusCode(200);
        given().auth().oauth2(ADMIN).post("/api/v1/training-courses/" + course + "/retirement")
                .then().statusCode(200).body("retiredAt", notNullValue());
        given().contentType(ContentType.JSON).body("""
                        {"type": "%s", "number": "FH-1", "issuer": "区市场监管局", "issuedOn": "2026-01-01",
                         "expiresOn": "2028-01-01"}""".formatted(type))
                .post("/api/v1/volunteers/" + volunteer + "/certifications").then().statusCode(422)
                .contentType("application/problem+json").body("violations.field", contains("type"));
        given().contentType(ContentType.JSON).header("Accept-Language", "en")
                .body("{\"courseCode\": \"" + course + "\", \"completedOn\": \"2026-11-12\"}")
                .post(training).then().statusCode(422)
                .body("violations.field", contains("courseCode"))
                .body("violations.message", contains("is retired from the training catalogue"));
        given().get(training).then().body("totalItems", equalTo(1));
        given().auth().oauth2(ADMIN).queryParam("resourceType", "TrainingCourse").queryParam("resourceId", course)
                .get("/api/v1/audit-entries").then().statusCode(200).body("items.action", contains("UPDATE", "CREATE"));
    }

    @Test
    void badCatalogueChangesAreProblemsNamingTheField() {
        String code = code("knitting");
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(entry(code, "编织", "Knitting"))
                .post("/api/v1/skills").then().statusCode(201);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(entry(code, "编织", "Knitting"))
                .post("/api/v1/skills").then().statusCode(409).contentType("application/problem+json")
                .body("violations.field", contains("code"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(entry(code("x"), " ", "Blank"))
                .post("/api/v1/skills").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", contains("nameZh"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(entry("Not A Code", "名", "Name"))
                .post("/api/v1/certification-types").then().statusCode(400)
                .body("violations.field", contains("code"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"code\": \"" + code("y") + "\", \"nameZh\": \"名\", \"nameEn\": \"N\", \"validityMonths\": 6}")
                .post("/api/v1/skills").then().statusCode(400).body("violations.field", contains("validityMonths"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"nameZh\": \"\", \"nameEn\": \"N\"}")
                .put("/api/v1/skills/" + code).then().statusCode(400).body("violations.field", contains("nameZh"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"nameZh\": \"名\", \"nameEn\": \"N\"}")
                .put("/api/v1/training-courses/no-such-course").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(ADMIN).post("/api/v1/certification-types/no-such-type/retirement")
                .then().statusCode(404);
        // Staff other than admins read the catalogues but do not change them.
        given().contentType(ContentType.JSON).body(entry(code("z"), "名", "Name"))
                .post("/api/v1/skills").then().statusCode(403);
        given().get("/api/v1/skills").then().body("find { it.code == '" + code + "' }.nameZh", equalTo("编织"));
    }
}
