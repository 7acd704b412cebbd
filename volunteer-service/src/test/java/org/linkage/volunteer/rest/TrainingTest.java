package org.linkage.volunteer.rest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.linkage.events.EventEnvelope;
import org.linkage.events.volunteer.TrainingCompleted;
import org.linkage.testing.InfrastructureTestResource;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
class TrainingTest extends SignedInAsStaff {

    @Test
    void theCatalogueIsSeeded() {
        given().get("/api/v1/training-courses").then().statusCode(200)
                .body("code", hasItems("social-work-concepts", "service-skills", "ethics", "first-aid-refresher"))
                .body("find { it.code == 'first-aid-refresher' }.validityMonths", equalTo(24))
                .body("find { it.code == 'ethics' }.validityMonths", nullValue());
    }

    @Test
    void aCompletionIsRecordedAndPublishedWithItsValidity() {
        String volunteer = TestVolunteers.register();
        String url = "/api/v1/volunteers/" + volunteer + "/training";
        given().contentType(ContentType.JSON)
                .body("{\"courseCode\": \"first-aid-refresher\", \"completedOn\": \"2026-10-12\"}")
                .post(url).then().statusCode(201)
                .body("courseCode", equalTo("first-aid-refresher"))
                .body("validUntil", equalTo("2028-10-11"))
                .body("valid", equalTo(true));
        given().contentType(ContentType.JSON)
                .body("{\"courseCode\": \"ethics\", \"completedOn\": \"2020-01-05\"}")
                .post(url).then().statusCode(201).body("validUntil", nullValue()).body("valid", equalTo(true));
        given().contentType(ContentType.JSON).body("""
                        {"courseCode": "service-skills", "completedOn": "2020-02-05", "validUntil": "2021-01-04"}""")
                .post(url).then().statusCode(201).body("valid", equalTo(false));
        given().get(url).then().statusCode(200)
                .body("totalItems", equalTo(3))
                .body("items.courseCode", contains("ethics", "service-skills", "first-aid-refresher"));

        List<EventEnvelope> completed = TestVolunteers.awaitEvents(volunteer, TrainingCompleted.TYPE, 3);
        assertEquals(3, completed.size());
        TrainingCompleted refresher = completed.get(0).payloadAs(TrainingCompleted.class);
        assertEquals("first-aid-refresher", refresher.courseCode());
        assertEquals(LocalDate.of(2028, 10, 11), refresher.validUntil());
        assertNull(completed.get(1).payloadAs(TrainingCompleted.class).validUntil());
    }

    @Test
    void badCompletionsAreRefusedNamingTheFieldAndNothingIsStored() {
        String volunteer = TestVolunteers.register();
        String url = "/api/v1/volunteers/" + volunteer + "/training";
        given().contentType(ContentType.JSON).body("{\"courseCode\": \"juggling\", \"completedOn\": \"2026-10-12\"}")
                .post(url).then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", contains("courseCode"));
        given().contentType(ContentType.JSON).body("""
                        {"courseCode": "ethics", "completedOn": "2026-10-12", "validUntil": "2026-10-11"}""")
                .post(url).then().statusCode(400).body("violations.field", contains("validUntil"));
        given().contentType(ContentType.JSON).body("{\"courseCode\": \"ethics\", \"completedOn\": \"2999-01-01\"}")
                .post(url).then().statusCode(400).body("violations.field", contains("completedOn"));
        given().contentType(ContentType.JSON).body("{\"courseCode\": \"ethics\"}")
                .post(url).then().statusCode(400).body("violations.field", contains("completedOn"));
        given().get(url).then().body("totalItems", equalTo(0));

        String body = "{\"courseCode\": \"ethics\", \"completedOn\": \"2026-10-12\"}";
        given().contentType(ContentType.JSON).body(body).post(url).then().statusCode(201);
        given().contentType(ContentType.JSON).body(body).post(url).then().statusCode(409)
                .body("violations.field", contains("completedOn"));
        given().contentType(ContentType.JSON).body(body)
                .post("/api/v1/volunteers/" + UUID.randomUUID() + "/training").then().statusCode(404);
        given().get(url).then().body("totalItems", equalTo(1));
    }
}
