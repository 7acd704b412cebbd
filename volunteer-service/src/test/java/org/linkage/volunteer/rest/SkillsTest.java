package org.linkage.volunteer.rest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.linkage.events.EventEnvelope;
import org.linkage.events.volunteer.VolunteerChanged;
import org.linkage.testing.InfrastructureTestResource;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
class SkillsTest extends SignedInAsStaff {

    @Test
    void theCatalogueListsTheSeededSkillsInChineseAndEnglish() {
        given().get("/api/v1/skills").then().statusCode(200)
                .body("code", hasItems("tutoring", "elder-care", "companionship", "haircut", "repairs", "clinic",
                        "first-aid", "counselling", "legal-aid", "arts", "driving", "errands"))
                .body("find { it.code == 'first-aid' }.nameZh", equalTo("应急救护"))
                .body("find { it.code == 'first-aid' }.nameEn", equalTo("First aid"));
        given().get("/api/v1/certification-types").then().statusCode(200)
                .body("code", hasItems("first-aid", "nursing", "counselling-licence"));
        given().accept("application/xml").get("/api/v1/skills")
                .then().statusCode(406).contentType("application/problem+json");
    }

    @Test
    void registeringWithAnUnknownSkillNamesTheEntryAndStoresNothing() {
        long before = given().get("/api/v1/volunteers?size=1").then().extract().jsonPath().getLong("totalItems");
        String body = VolunteerResourceTest.registration(VolunteerResourceTest.randomPhone())
                .replace("\"first-aid\", \"elder-care\"", "\"first-aid\", \"juggling\"");
        given().contentType(ContentType.JSON).body(body).post("/api/v1/volunteers")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", contains("skills[1]"))
                .body("detail", containsString("技能目录"));
        given().get("/api/v1/volunteers?size=1").then().body("totalItems", equalTo((int) before));
    }

    @Test
    void registeredSkillsStartAtLevelOne() {
        String id = TestVolunteers.register();
        given().get("/api/v1/volunteers/" + id).then().statusCode(200)
                .body("skillLevels.code", contains("elder-care", "first-aid"))
                .body("skillLevels.level", contains(1, 1));
    }

    @Test
    void replacingSkillsSetsLevelsAndPublishesTheNewCodes() {
        String id = TestVolunteers.register();
        String etag = given().get("/api/v1/volunteers/" + id).then().extract().header("ETag");
        given().contentType(ContentType.JSON).header("If-Match", etag)
                .body("{\"skills\": [{\"code\": \"tutoring\", \"level\": 3}, {\"code\": \"first-aid\", \"level\": 2}]}")
                .put("/api/v1/volunteers/" + id + "/skills")
                .then().statusCode(200)
                .body("skills", contains("first-aid", "tutoring"))
                .body("skillLevels.level", contains(2, 3));

        List<EventEnvelope> changed = TestVolunteers.awaitEvents(id, VolunteerChanged.TYPE);
        assertEquals(1, changed.size());
        assertEquals(List.of("first-aid", "tutoring"), changed.get(0).payloadAs(VolunteerChanged.class).skills());
        assertEquals(Map.of("first-aid", 2, "tutoring", 3),
                changed.get(0).payloadAs(VolunteerChanged.class).skillLevels());

        // A level alone changing is news for matching too.
        given().contentType(ContentType.JSON)
                .body("{\"skills\": [{\"code\": \"tutoring\", \"level\": 1}, {\"code\": \"first-aid\", \"level\": 2}]}")
                .put("/api/v1/volunteers/" + id + "/skills").then().statusCode(200);
        List<EventEnvelope> relevelled = TestVolunteers.awaitEvents(id, VolunteerChanged.TYPE, 2);
        assertEquals(Map.of("first-aid", 2, "tutoring", 1),
                relevelled.get(1).payloadAs(VolunteerChanged.class).skillLevels());

        given().contentType(ContentType.JSON).header("If-Match", etag)
                .body("{\"skills\": [{\"code\": \"arts\", \"level\": 1}]}")
                .put("/api/v1/volunteers/" + id + "/skills")
                .then().statusCode(412).contentType("application/problem+json");
    }

    @Test
    void badSkillsAreRefusedNamingTheEntryAndChangeNothing() {
        String id = TestVolunteers.register();
        String url = "/api/v1/volunteers/" + id + "/skills";
        given().contentType(ContentType.JSON)
                .body("{\"skills\": [{\"code\": \"tutoring\", \"level\": 1}, {\"code\": \"juggling\", \"level\": 1}]}")
                .put(url).then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", contains("skills[1].code"));
        given().contentType(ContentType.JSON).body("{\"skills\": [{\"code\": \"tutoring\", \"level\": 4}]}")
                .put(url).then().statusCode(400).body("violations.field", contains("skills[0].level"));
        given().contentType(ContentType.JSON)
                .body("{\"skills\": [{\"code\": \"arts\", \"level\": 1}, {\"code\": \"arts\", \"level\": 2}]}")
                .put(url).then().statusCode(400).body("violations.field", contains("skills[1].code"));
        given().contentType(ContentType.JSON).body("{\"skills\": []}")
                .put(url).then().statusCode(400).body("violations.field", contains("skills"));
        given().get("/api/v1/volunteers/" + id).then().body("skills", contains("elder-care", "first-aid"));
    }
}
