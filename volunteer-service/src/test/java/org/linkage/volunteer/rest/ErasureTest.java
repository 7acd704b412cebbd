package org.linkage.volunteer.rest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.linkage.events.EventEnvelope;
import org.linkage.events.volunteer.VolunteerChanged;
import org.linkage.events.volunteer.VolunteerDeactivated;
import org.linkage.events.volunteer.VolunteerErased;
import org.linkage.testing.As;
import org.linkage.testing.InfrastructureTestResource;

import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
class ErasureTest extends SignedInAsStaff {

    @Test
    void erasureAnonymisesTheProfileKeepsTheHoursAndTellsEveryone() {
        String id = TestVolunteers.register();
        String url = "/api/v1/volunteers/" + id;
        given().contentType(ContentType.JSON).body("{\"bio\": \"退休教师\", \"homeCommunity\": \"新华路社区\"}")
                .put(url + "/profile").then().statusCode(200);
        given().contentType(ContentType.JSON).body("""
                        {"type": "first-aid", "number": "HC-%s", "issuer": "上海市红十字会",
                         "issuedOn": "2025-03-01", "expiresOn": "2028-03-01"}""".formatted(UUID.randomUUID()))
                .post(url + "/certifications").then().statusCode(201);
        HoursLedgerTest.correct(id, HoursLedgerTest.correction("12.5", "2026-03-01"));

        As.token(ADMIN).post(url + "/erasure").then().statusCode(200)
                .body("name", equalTo("已注销志愿者"))
                .body("phone", startsWith("erased:"))
                .body("homeLocation", nullValue())
                .body("bio", nullValue())
                .body("homeCommunity", nullValue())
                .body("skills", empty())
                .body("onDuty", equalTo(false))
                .body("status", equalTo("DEACTIVATED"))
                .body("erasedAt", notNullValue());
        given().get(url + "/certifications").then().body("totalItems", equalTo(0));
        given().get(url + "/hours").then().statusCode(200).body("lifetimeHours", equalTo(12.5f));
        given().queryParam("q", "李明").queryParam("sort", "-createdAt").get("/api/v1/volunteers").then()
                .body("items.id", not(org.hamcrest.Matchers.hasItem(id)));

        List<EventEnvelope> erased = TestVolunteers.awaitEvents(id, VolunteerErased.TYPE);
        assertEquals(1, erased.size());
        assertEquals(1, TestVolunteers.eventsSoFar(id, VolunteerDeactivated.TYPE).size());
        List<EventEnvelope> changed = TestVolunteers.eventsSoFar(id, VolunteerChanged.TYPE);
        VolunteerChanged last = changed.get(changed.size() - 1).payloadAs(VolunteerChanged.class);
        assertFalse(last.active());
        assertNull(last.homeLocation());
        assertNull(last.community());
        assertTrue(last.skills().isEmpty());
    }

    @Test
    void anErasedVolunteerCanNoLongerBeChangedOrOfferedAndErasingAgainChangesNothing() {
        String id = TestVolunteers.register();
        String url = "/api/v1/volunteers/" + id;
        As.token(ADMIN).post(url + "/erasure").then().statusCode(200);
        given().contentType(ContentType.JSON).body("{\"onDuty\": true}").put(url + "/duty")
                .then().statusCode(409).contentType("application/problem+json");
        given().contentType(ContentType.JSON)
                .body("{\"homeLocation\": {\"latitude\": 31.25, \"longitude\": 121.5}, \"purpose\": \"matching\"}")
                .put(url + "/location").then().statusCode(409);
        given().contentType(ContentType.JSON).body("{\"status\": \"ACTIVE\"}").post(url + "/status")
                .then().statusCode(409);
        given().get(url).then().body("onDuty", equalTo(false)).body("homeLocation", nullValue());

        As.token(ADMIN).post(url + "/erasure").then().statusCode(200).body("status", equalTo("DEACTIVATED"));
        assertEquals(1, TestVolunteers.awaitEvents(id, VolunteerErased.TYPE).size());
        As.token(ADMIN).post("/api/v1/volunteers/" + UUID.randomUUID() + "/erasure").then().statusCode(404);
        String team = TeamsTest.createTeam("儿童辅导队-" + UUID.randomUUID());
        given().contentType(ContentType.JSON).body("{\"volunteerId\": \"" + id + "\"}")
                .post("/api/v1/teams/" + team + "/invitations").then().statusCode(409);
    }
}
