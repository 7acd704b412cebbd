package org.linkage.activity.rest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.linkage.activity.AsAdmin;
import org.linkage.testing.InfrastructureTestResource;

import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.linkage.activity.ActivityFixtures.activity;
import static org.linkage.activity.ActivityFixtures.station;
import static org.linkage.activity.ApiAssertions.assertProblem;
import static org.linkage.activity.BeneficiaryFixtures.elderRequest;
import static org.linkage.activity.BeneficiaryFixtures.marker;
import static org.linkage.activity.BeneficiaryFixtures.register;
import static org.linkage.activity.HazardFixtures.JPEG;
import static org.linkage.activity.HazardFixtures.report;
import static org.linkage.activity.NeedFixtures.asRequester;
import static org.linkage.activity.NeedFixtures.newRequester;
import static org.linkage.activity.NeedFixtures.raiseNeed;

/**
 * Issue #16, Trust: who did something (requestedBy, confirmedBy, cancelledBy, recordedBy, author, postedBy,
 * triagedBy, resolvedBy) is the caller from the token. A body may leave the field out or repeat the caller's id;
 * anyone else's id is refused with 422 naming the field, and nothing changes. (requestedBy: NeedResourceTest.)
 */
@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
class ActorFieldsTest implements AsAdmin {

    static final String SOMEONE_ELSE = "sw-someone-else";

    @Test
    void aNeedIsCancelledAndCompletedInTheCallersNameOnly() {
        String requester = newRequester();
        String need = raiseNeed(requester);
        assertRefused(asRequester(requester).body("{\"cancelledBy\": \"%s\"}".formatted(SOMEONE_ELSE))
                .post("/api/v1/needs/" + need + "/cancellation"), "cancelledBy");
        assertRefused(asRequester(requester).body("""
                        {"confirmedBy": "%s", "hours": [{"volunteerId": "%s", "hours": 2}]}"""
                        .formatted(SOMEONE_ELSE, UUID.randomUUID()))
                .post("/api/v1/needs/" + need + "/completion"), "confirmedBy");
        given().get("/api/v1/needs/" + need).then().body("status", equalTo("OPEN"));

        asRequester(requester).body("{\"reason\": \"No longer needed\"}")
                .post("/api/v1/needs/" + need + "/cancellation").then().statusCode(200)
                .body("status", equalTo("CANCELLED"));
    }

    @Test
    void anActivityIsCalledOffInTheCallersNameOnly() {
        String activity = activity(station("c-" + UUID.randomUUID()), 5);
        assertRefused(json().body("{\"cancelledBy\": \"%s\", \"reason\": \"Typhoon\"}".formatted(SOMEONE_ELSE))
                .post("/api/v1/activities/" + activity + "/cancellation"), "cancelledBy");
        given().get("/api/v1/activities/" + activity).then().body("status", equalTo("SCHEDULED"));
        json().body("{\"reason\": \"Typhoon\"}").post("/api/v1/activities/" + activity + "/cancellation")
                .then().statusCode(200).body("status", equalTo("CANCELLED"));
    }

    @Test
    void consentsAndFileEntriesAreRecordedInTheCallersNameOnly() {
        String elder = register(elderRequest(marker(), newRequester()));
        String consent = """
                {"givenBy": "the resident", "relation": "SELF", "purpose": "home-visit", "givenAt": "%s"%s}""";
        assertRefused(json().body(consent.formatted(Instant.now().minusSeconds(60),
                        ", \"recordedBy\": \"" + SOMEONE_ELSE + "\""))
                .post("/api/v1/beneficiaries/" + elder + "/consents"), "recordedBy");
        String entry = """
                {"kind": "NOTE", "text": "Daughter visits on Sundays", "occurredAt": "2026-11-03T02:00:00Z"%s}""";
        assertRefused(json().body(entry.formatted(", \"author\": \"" + SOMEONE_ELSE + "\""))
                .post("/api/v1/beneficiaries/" + elder + "/file-entries"), "author");
        given().get("/api/v1/beneficiaries/" + elder + "/consents").then().body("$", empty());
        given().get("/api/v1/beneficiaries/" + elder + "/file-entries").then().body("items", empty());

        json().body(consent.formatted(Instant.now().minusSeconds(60), ""))
                .post("/api/v1/beneficiaries/" + elder + "/consents").then().statusCode(201)
                .body("recordedBy", equalTo(ADMIN));
        json().body(entry.formatted(", \"author\": \"" + ADMIN + "\""))
                .post("/api/v1/beneficiaries/" + elder + "/file-entries").then().statusCode(201)
                .body("author", equalTo(ADMIN));
    }

    @Test
    void wishesArePostedAndConfirmedInTheCallersNameOnly() {
        String community = "c-" + UUID.randomUUID();
        String wish = """
                {"title": "Reading glasses", "community": "%s"%s}""";
        assertRefused(json().body(wish.formatted(community, ", \"postedBy\": \"" + SOMEONE_ELSE + "\""))
                .post("/api/v1/micro-wishes"), "postedBy");
        given().get("/api/v1/micro-wishes?community=" + community).then().body("items", empty());

        String id = json().body(wish.formatted(community, "")).post("/api/v1/micro-wishes").then()
                .statusCode(201).body("postedBy", equalTo(ADMIN)).extract().path("id");
        // The actor is checked before the state: an open wish cannot be confirmed, but this is refused first.
        assertRefused(json().body("{\"confirmedBy\": \"%s\"}".formatted(SOMEONE_ELSE))
                .post("/api/v1/micro-wishes/" + id + "/confirmation"), "confirmedBy");
        given().get("/api/v1/micro-wishes/" + id).then().body("status", equalTo("OPEN"));
    }

    @Test
    void hazardsAreTriagedAndResolvedInTheCallersNameOnly() {
        String hazard = report(JPEG, "image/jpeg", 30.0 + Math.random(), 120.0, "c-" + UUID.randomUUID())
                .then().statusCode(201).extract().path("id");
        assertRefused(json().body("{\"triagedBy\": \"%s\", \"severity\": \"HIGH\"}".formatted(SOMEONE_ELSE))
                .post("/api/v1/hazard-reports/" + hazard + "/triage"), "triagedBy");
        given().get("/api/v1/hazard-reports/" + hazard).then().body("status", equalTo("REPORTED"));
        json().body("{\"severity\": \"HIGH\"}").post("/api/v1/hazard-reports/" + hazard + "/triage").then()
                .statusCode(200).body("triagedBy", equalTo(ADMIN));

        for (String action : new String[]{"resolution", "dismissal"}) {
            assertRefused(json().body("{\"resolvedBy\": \"%s\", \"resolution\": \"Fixed\"}".formatted(SOMEONE_ELSE))
                    .post("/api/v1/hazard-reports/" + hazard + "/" + action), "resolvedBy");
        }
        given().get("/api/v1/hazard-reports/" + hazard).then().body("status", equalTo("TRIAGED"));
        json().body("{\"resolution\": \"Cover already back\"}").post("/api/v1/hazard-reports/" + hazard + "/dismissal")
                .then().statusCode(200).body("status", equalTo("DISMISSED"))
                .body("resolution", endsWith("(" + ADMIN + ")"));
    }

    private static io.restassured.specification.RequestSpecification json() {
        return given().contentType(ContentType.JSON);
    }

    private static void assertRefused(Response response, String field) {
        assertProblem(response.then(), 422, field, "caller");
    }
}
