package org.linkage.volunteer.rest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.linkage.testing.InfrastructureTestResource;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
class TeamsTest extends SignedInAsStaff {

    static String createTeam(String name) {
        return given().contentType(ContentType.JSON)
                .body("{\"name\": \"%s\", \"description\": \"外卖骑手中的持证救护员\", \"leaderId\": \"sw-zhang\"}"
                        .formatted(name))
                .post("/api/v1/teams").then().statusCode(201)
                .body("leaderId", equalTo("sw-zhang"))
                .extract().path("id");
    }

    private static void ask(String team, String kind, String volunteer, String role, int expected) {
        given().contentType(ContentType.JSON)
                .body("{\"volunteerId\": \"%s\", \"role\": \"%s\"}".formatted(volunteer, role))
                .post("/api/v1/teams/" + team + "/" + kind).then().statusCode(expected);
    }

    private static void decide(String team, String volunteer, String decision, int expected) {
        given().contentType(ContentType.JSON).body("{\"decision\": \"" + decision + "\"}")
                .post("/api/v1/teams/" + team + "/members/" + volunteer + "/decision").then().statusCode(expected);
    }

    @Test
    void volunteersJoinByInvitationOrRequestAndAreListedWithRoles() {
        String team = createTeam("骑手应急救护队-" + UUID.randomUUID());
        String invited = TestVolunteers.register();
        String requester = TestVolunteers.register();
        String declined = TestVolunteers.register();

        given().contentType(ContentType.JSON)
                .body("{\"volunteerId\": \"" + invited + "\", \"role\": \"COORDINATOR\"}")
                .post("/api/v1/teams/" + team + "/invitations").then().statusCode(201)
                .body("state", equalTo("INVITED"))
                .body("role", equalTo("COORDINATOR"))
                .body("volunteerName", equalTo("李明"));
        ask(team, "join-requests", requester, "MEMBER", 201);
        ask(team, "join-requests", declined, "MEMBER", 201);
        ask(team, "invitations", requester, "MEMBER", 409);

        given().contentType(ContentType.JSON).body("{\"decision\": \"APPROVE\"}")
                .post("/api/v1/teams/" + team + "/members/" + invited + "/decision").then().statusCode(200)
                .body("state", equalTo("MEMBER")).body("decidedAt", notNullValue());
        decide(team, requester, "APPROVE", 200);
        decide(team, declined, "DECLINE", 200);
        decide(team, declined, "APPROVE", 409);

        given().queryParam("state", "MEMBER").get("/api/v1/teams/" + team + "/members").then().statusCode(200)
                .body("totalItems", equalTo(2))
                .body("items.volunteerId", containsInAnyOrder(invited, requester))
                .body("items.find { it.volunteerId == '" + invited + "' }.role", equalTo("COORDINATOR"));
        given().get("/api/v1/teams/" + team + "/members").then().body("totalItems", equalTo(3));
        given().queryParam("team", team).queryParam("size", 100).get("/api/v1/volunteers").then().statusCode(200)
                .body("items.id", containsInAnyOrder(invited, requester));

        // A declined volunteer may be invited again.
        ask(team, "invitations", declined, "MEMBER", 201);
    }

    @Test
    void badTeamRequestsAreRefusedAndChangeNothing() {
        String name = "助老服务队-" + UUID.randomUUID();
        String team = createTeam(name);
        given().contentType(ContentType.JSON).body("{\"name\": \"" + name + "\", \"leaderId\": \"sw-li\"}")
                .post("/api/v1/teams").then().statusCode(409).contentType("application/problem+json")
                .body("violations.field", contains("name"));
        given().contentType(ContentType.JSON).body("{\"name\": \"x\"}")
                .post("/api/v1/teams").then().statusCode(400).body("violations.field", contains("leaderId"));
        ask(team, "invitations", UUID.randomUUID().toString(), "MEMBER", 400);
        String volunteer = TestVolunteers.register();
        ask(team, "invitations", volunteer, "CAPTAIN", 400);
        ask(UUID.randomUUID().toString(), "invitations", volunteer, "MEMBER", 404);
        decide(team, volunteer, "APPROVE", 404);
        given().get("/api/v1/teams/" + team + "/members").then().body("totalItems", equalTo(0));
        given().get("/api/v1/teams/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        given().queryParam("leader", "sw-zhang").queryParam("size", 100).get("/api/v1/teams").then()
                .statusCode(200).body("items.name", org.hamcrest.Matchers.hasItem(name));
    }
}
