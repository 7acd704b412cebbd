package org.linkage.volunteer.rest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.linkage.events.volunteer.VolunteerChanged;
import org.linkage.events.volunteer.VolunteerRegistered;
import org.linkage.testing.As;
import org.linkage.testing.InfrastructureTestResource;
import org.linkage.testing.Tokens;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Who may do what to whom: self-registration, object-level and property-level rules. */
@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
class AccessTest extends SignedInAsStaff {

    private static final String FORBIDDEN = "https://linkage.dev/problems/forbidden";

    @Test
    void aSelfRegistrationWaitsForStaffWhileStaffRegistrationsAreActiveAtOnce() {
        UUID account = UUID.randomUUID();
        String token = Tokens.volunteer(account);
        As.token(token).contentType(ContentType.JSON)
                .body(VolunteerResourceTest.registration(VolunteerResourceTest.randomPhone()))
                .post("/api/v1/volunteers").then().statusCode(201)
                .body("id", equalTo(account.toString()))
                .body("status", equalTo("PENDING"));
        As.token(token).get("/api/v1/volunteers/me").then().statusCode(200)
                .body("id", equalTo(account.toString()))
                .body("homeLocation.latitude", notNullValue());
        As.token(token).contentType(ContentType.JSON)
                .body(VolunteerResourceTest.registration(VolunteerResourceTest.randomPhone()))
                .post("/api/v1/volunteers").then().statusCode(409);
        // Only staff approve.
        As.token(token).contentType(ContentType.JSON).body("{\"status\": \"ACTIVE\"}")
                .post("/api/v1/volunteers/" + account + "/status").then().statusCode(403);
        String id = account.toString();
        assertFalse(TestVolunteers.awaitEvents(id, VolunteerRegistered.TYPE).get(0)
                .payloadAs(VolunteerRegistered.class).active());

        given().contentType(ContentType.JSON).body("{\"status\": \"ACTIVE\"}")
                .post("/api/v1/volunteers/" + id + "/status").then().statusCode(200).body("status", equalTo("ACTIVE"));
        assertTrue(TestVolunteers.awaitEvents(id, VolunteerChanged.TYPE).get(0)
                .payloadAs(VolunteerChanged.class).active());
        given().get("/api/v1/volunteers/" + TestVolunteers.register()).then().body("status", equalTo("ACTIVE"));
        As.socialWorker("sw-liu", "xinhua-road").get("/api/v1/volunteers/me")
                .then().statusCode(403);
    }

    @Test
    void aVolunteerReachesOnlyTheirOwnRecords() {
        String me = TestVolunteers.register();
        String other = TestVolunteers.register();
        String token = Tokens.volunteer(UUID.fromString(me));
        for (String path : new String[] {"", "/certifications", "/availability", "/training", "/hours",
                "/hours/entries", "/hours-certificates/" + UUID.randomUUID()}) {
            As.token(token).get("/api/v1/volunteers/" + me + path).then()
                    .statusCode(org.hamcrest.Matchers.not(403));
            As.token(token).get("/api/v1/volunteers/" + other + path).then().statusCode(403)
                    .contentType("application/problem+json").body("type", equalTo(FORBIDDEN));
        }
        As.token(token).contentType(ContentType.JSON).body("{\"bio\": \"冒名\"}")
                .put("/api/v1/volunteers/" + other + "/profile").then().statusCode(403);
        As.token(token).contentType(ContentType.JSON).body("{\"onDuty\": false}")
                .put("/api/v1/volunteers/" + other + "/duty").then().statusCode(403);
        As.token(token).delete("/api/v1/volunteers/" + other + "/location").then().statusCode(403);
        As.token(token).post("/api/v1/volunteers/" + other + "/erasure").then().statusCode(403);
        given().get("/api/v1/volunteers/" + other).then().statusCode(200)
                .body("bio", nullValue()).body("onDuty", equalTo(true)).body("erasedAt", nullValue())
                .body("homeLocation.latitude", notNullValue());

        As.token(token).contentType(ContentType.JSON).body("{\"bio\": \"会修电器\"}")
                .put("/api/v1/volunteers/" + me + "/profile").then().statusCode(200).body("bio", equalTo("会修电器"));
        As.token(token).get("/api/v1/volunteers").then().statusCode(403);
        // Staff may erase only through an admin: the volunteer themself or an admin.
        given().post("/api/v1/volunteers/" + other + "/erasure").then().statusCode(403);
    }

    @Test
    void listsNeverCarryLocations() {
        String id = TestVolunteers.register();
        given().get("/api/v1/volunteers/" + id).then().body("homeLocation.latitude", notNullValue());
        given().queryParam("sort", "-createdAt").queryParam("size", 100).get("/api/v1/volunteers").then()
                .statusCode(200)
                .body("items.id", hasItem(id))
                .body("items.homeLocation", everyItem(nullValue()));
    }

    @Test
    void aVolunteerAnswersTheirInvitationButNotTheirRequestNorForOthers() {
        String team = TeamsTest.createTeam("儿童辅导队-" + UUID.randomUUID());
        String me = TestVolunteers.register();
        String other = TestVolunteers.register();
        String token = Tokens.volunteer(UUID.fromString(me));
        As.token(token).contentType(ContentType.JSON).body("{\"volunteerId\": \"" + other + "\"}")
                .post("/api/v1/teams/" + team + "/join-requests").then().statusCode(403);
        As.token(token).contentType(ContentType.JSON).body("{\"volunteerId\": \"" + me + "\"}")
                .post("/api/v1/teams/" + team + "/join-requests").then().statusCode(201)
                .body("state", equalTo("REQUESTED"));
        As.token(token).contentType(ContentType.JSON).body("{\"decision\": \"APPROVE\"}")
                .post("/api/v1/teams/" + team + "/members/" + me + "/decision").then().statusCode(403);
        given().contentType(ContentType.JSON).body("{\"volunteerId\": \"" + other + "\"}")
                .post("/api/v1/teams/" + team + "/invitations").then().statusCode(201);
        As.token(token).contentType(ContentType.JSON).body("{\"decision\": \"APPROVE\"}")
                .post("/api/v1/teams/" + team + "/members/" + other + "/decision").then().statusCode(403);
        As.volunteer(UUID.fromString(other)).contentType(ContentType.JSON)
                .body("{\"decision\": \"APPROVE\"}")
                .post("/api/v1/teams/" + team + "/members/" + other + "/decision").then().statusCode(200)
                .body("state", equalTo("MEMBER"));
        As.token(token).get("/api/v1/teams/" + team + "/members").then().statusCode(403);
    }

    @Test
    void aVolunteerErasesThemselvesAndTheErasureIsAudited() {
        String me = TestVolunteers.register();
        As.volunteer(UUID.fromString(me)).post("/api/v1/volunteers/" + me + "/erasure")
                .then().statusCode(200).body("erasedAt", notNullValue());
        As.admin("admin-1")
                .queryParam("resourceType", "Volunteer").queryParam("resourceId", me)
                .get("/api/v1/audit-entries").then().statusCode(200)
                .body("items.action", hasItem("ERASE"))
                .body("items.actor", hasItem(me));
    }
}
