package org.linkage.volunteer.rest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.linkage.events.EventEnvelope;
import org.linkage.events.Topics;
import org.linkage.events.volunteer.VolunteerChanged;
import org.linkage.events.volunteer.VolunteerRegistered;
import org.linkage.testing.EventSchemas;
import org.linkage.testing.InfrastructureTestResource;
import org.linkage.testing.TopicProbe;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
class VolunteerResourceTest extends SignedInAsStaff {

    static String randomPhone() {
        return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    static String registration(String phone) {
        return """
                {"name": "李明", "phone": "%s", "skills": ["first-aid", "elder-care"],
                 "homeLocation": {"latitude": 31.2304, "longitude": 121.4737}, "locationConsent": true,
                 "onDuty": true}""".formatted(phone);
    }

    @Test
    void registeringPublishesVolunteerRegisteredThatConformsToItsSchema() {
        String id = given().contentType(ContentType.JSON).body(registration(randomPhone()))
                .when().post("/api/v1/volunteers")
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/volunteers/"))
                .header("ETag", notNullValue())
                .body("name", equalTo("李明"))
                .body("skills", contains("elder-care", "first-aid"))
                .body("homeLocation.latitude", equalTo(31.2304f))
                .body("status", equalTo("ACTIVE"))
                .extract().path("id");

        given().when().get("/api/v1/volunteers/" + id)
                .then().statusCode(200).body("id", equalTo(id)).body("onDuty", equalTo(true));

        List<EventEnvelope> events = TopicProbe.await(Topics.VOLUNTEER_EVENTS, VolunteerRegistered.TYPE,
                e -> e.aggregateId().equals(id), Duration.ofSeconds(15));
        assertEquals(1, events.size());
        VolunteerRegistered event = events.get(0).payloadAs(VolunteerRegistered.class);
        assertEquals(List.of("elder-care", "first-aid"), event.skills());
        assertTrue(event.onDuty());
        TopicProbe.readAll(Topics.VOLUNTEER_EVENTS).forEach(record ->
                assertEquals(java.util.Set.of(), EventSchemas.violations(record.value()), record.value()));
    }

    @Test
    void anInvalidPhoneIsRefusedNamingTheFieldAndNothingIsStored() {
        long before = given().get("/api/v1/volunteers?size=1").then().extract().jsonPath().getLong("totalItems");
        given().contentType(ContentType.JSON).body(registration("12345"))
                .when().post("/api/v1/volunteers")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("violations.field", contains("phone"))
                .body("detail", containsString("中国大陆手机号码"))
                .body("violations[0].message", startsWith("须为中国大陆手机号码"))
                .header("Content-Language", "zh-CN");
        // English on request: the same problem, the field's name unchanged.
        given().contentType(ContentType.JSON).header("Accept-Language", "en-US,en;q=0.9").body(registration("12345"))
                .when().post("/api/v1/volunteers")
                .then().statusCode(400).header("Content-Language", "en")
                .body("title", equalTo("Invalid request"))
                .body("violations.field", contains("phone"))
                .body("violations[0].message", startsWith("must be a mainland China mobile number"))
                .body("detail", containsString("mainland China mobile"));
        given().get("/api/v1/volunteers?size=1").then().body("totalItems", equalTo((int) before));
    }

    @Test
    void aLocationWithoutConsentIsRefused() {
        String body = registration(randomPhone()).replace("\"locationConsent\": true", "\"locationConsent\": false");
        given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/volunteers")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", contains("locationConsent"));
    }

    @Test
    void malformedJsonAndWrongTypesAreProblems() {
        given().contentType(ContentType.JSON).body("{\"name\": ")
                .when().post("/api/v1/volunteers")
                .then().statusCode(400).contentType("application/problem+json")
                .body("title", equalTo("请求无效"));
        given().contentType(ContentType.JSON)
                .body(registration(randomPhone()).replace("\"onDuty\": true", "\"onDuty\": \"maybe\""))
                .when().post("/api/v1/volunteers")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", contains("onDuty"))
                .body("detail", containsString("onDuty"));
        given().contentType(ContentType.JSON)
                .body(registration(randomPhone()).replace("31.2304", "95.0"))
                .when().post("/api/v1/volunteers")
                .then().statusCode(400).body("violations.field", contains("homeLocation.latitude"));
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyReturnsTheSameVolunteer() {
        String key = UUID.randomUUID().toString();
        String body = registration(randomPhone());
        String first = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/api/v1/volunteers").then().statusCode(201).extract().path("id");
        String second = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/api/v1/volunteers").then().statusCode(201)
                .header("Location", endsWith(first)).extract().path("id");
        assertEquals(first, second);
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(registration(randomPhone()))
                .post("/api/v1/volunteers").then().statusCode(422).contentType("application/problem+json");
        assertEquals(1, TopicProbe.await(Topics.VOLUNTEER_EVENTS, VolunteerRegistered.TYPE,
                e -> e.aggregateId().equals(first), Duration.ofSeconds(15)).size());
    }

    @Test
    void aSecondVolunteerWithTheSamePhoneIsAConflict() {
        String phone = randomPhone();
        given().contentType(ContentType.JSON).body(registration(phone)).post("/api/v1/volunteers")
                .then().statusCode(201);
        given().contentType(ContentType.JSON).body(registration("+86" + phone)).post("/api/v1/volunteers")
                .then().statusCode(409).contentType("application/problem+json")
                .body("violations.field", contains("phone"));
    }

    @Test
    void goingOnDutyHonoursIfMatchAndPublishesVolunteerChanged() {
        var created = given().contentType(ContentType.JSON)
                .body(registration(randomPhone()).replace("\"onDuty\": true", "\"onDuty\": false"))
                .post("/api/v1/volunteers").then().statusCode(201).extract();
        String id = created.path("id");
        String etag = created.header("ETag");

        given().contentType(ContentType.JSON).header("If-Match", "\"999\"").body("{\"onDuty\": true}")
                .put("/api/v1/volunteers/" + id + "/duty")
                .then().statusCode(412).contentType("application/problem+json");
        given().get("/api/v1/volunteers/" + id).then().body("onDuty", equalTo(false));

        given().contentType(ContentType.JSON).header("If-Match", etag).body("{\"onDuty\": true}")
                .put("/api/v1/volunteers/" + id + "/duty")
                .then().statusCode(200).body("onDuty", equalTo(true));
        given().contentType(ContentType.JSON).body("{}")
                .put("/api/v1/volunteers/" + id + "/duty")
                .then().statusCode(400).body("violations.field", contains("onDuty"));

        List<EventEnvelope> changed = TopicProbe.await(Topics.VOLUNTEER_EVENTS, VolunteerChanged.TYPE,
                e -> e.aggregateId().equals(id), Duration.ofSeconds(15));
        assertEquals(1, changed.size());
        assertTrue(changed.get(0).payloadAs(VolunteerChanged.class).onDuty());
    }

    @Test
    void listingFiltersBySkillAndPages() {
        String phone = randomPhone();
        given().contentType(ContentType.JSON)
                .body(registration(phone).replace("\"first-aid\", \"elder-care\"", "\"haircut\""))
                .post("/api/v1/volunteers").then().statusCode(201);
        given().get("/api/v1/volunteers?skill=haircut&size=100")
                .then().statusCode(200)
                .body("items.phone", hasItem(phone))
                .body("items.skills.flatten().unique()", contains("haircut"));
        given().get("/api/v1/volunteers?size=0").then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", contains("size"));
    }

    @Test
    void anUnknownVolunteerIsAProblem404() {
        given().get("/api/v1/volunteers/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json")
                .body("title", equalTo("未找到"));
        given().get("/api/v1/volunteers/not-a-uuid").then().statusCode(404);
    }

    @Test
    void readinessChecksTheDatabaseKafkaAndTheRelay() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.name", hasItem("outbox-relay"))
                .body("checks.name", hasItem(containsString("Database")))
                .body("checks.name", hasItem(containsString("Kafka")));
    }
}
