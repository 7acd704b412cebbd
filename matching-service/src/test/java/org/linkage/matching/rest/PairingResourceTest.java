package org.linkage.matching.rest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.linkage.events.GeoPoint;
import org.linkage.events.TimeWindow;
import org.linkage.events.assignment.AssignmentOffered;
import org.linkage.testing.InfrastructureTestResource;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.linkage.matching.rest.MatchingFixtures.asAdmin;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.linkage.matching.rest.MatchingFixtures.awaitEvent;
import static org.linkage.matching.rest.MatchingFixtures.north;
import static org.linkage.matching.rest.MatchingFixtures.randomBase;
import static org.linkage.matching.rest.MatchingFixtures.tomorrow;
import static org.linkage.matching.rest.MatchingFixtures.volunteer;

/** Pairings: the proposal with the largest total score, with reasons; approval sends the offers. */
@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
class PairingResourceTest {

    static Map<String, Object> child(UUID ref, GeoPoint place) {
        return Map.of("beneficiaryRef", ref.toString(), "requiredSkill", "tutoring", "careCategory", "CHILD",
                "location", Map.of("latitude", place.latitude(), "longitude", place.longitude()));
    }

    static Map<String, Object> request(List<Map<String, Object>> children, List<UUID> pool) {
        TimeWindow session = tomorrow();
        return Map.of("category", "one-to-one-tutoring",
                "firstSession", Map.of("start", session.start().toString(), "end", session.end().toString()),
                "beneficiaries", children, "volunteerIds", pool.stream().map(UUID::toString).toList());
    }

    @Test
    void theProposalIsTheOptimumNotTheGreedyChoiceAndApprovalSendsTheOffers() {
        GeoPoint base = randomBase();
        // A lives between the two children, nearer the first; B lives by the first child only and cannot reach
        // the second within 20 km. Greedy (first child takes its nearest, A... or B) can strand the second child;
        // the optimum pairs the first child with B and the second with A.
        GeoPoint firstChild = base;
        GeoPoint secondChild = north(base, 15_000);
        UUID a = volunteer(north(base, 5_000), true, "tutoring");
        UUID b = volunteer(north(base, -6_000), true, "tutoring");
        volunteer(north(base, 100), true, "haircut");
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();

        Response created = asAdmin().contentType(ContentType.JSON)
                .body(request(List.of(child(first, firstChild), child(second, secondChild)), List.of(a, b)))
                .post("/api/v1/pairings");

        created.then().statusCode(201).body("status", equalTo("PROPOSED"))
                .body("pairs[0].beneficiaryRef", equalTo(first.toString()))
                .body("pairs[0].volunteerId", equalTo(b.toString()))
                .body("pairs[1].beneficiaryRef", equalTo(second.toString()))
                .body("pairs[1].volunteerId", equalTo(a.toString()))
                .body("pairs[0].reasons.constraintsMet", hasItem("within 6000 m of the need (radius 20000 m)"))
                .body("pairs[1].reasons.score.total", notNullValue())
                .body("pairs[0].assignmentId", nullValue());
        JsonPath proposal = created.jsonPath();
        assertEquals(proposal.getDouble("pairs[0].score") + proposal.getDouble("pairs[1].score"),
                proposal.getDouble("totalScore"), 1e-3);
        String location = created.header("Location");
        assertTrue(location.endsWith("/api/v1/pairings/" + proposal.getString("id")), location);
        asAdmin().get(location).then().statusCode(200).body("pairs.size()", equalTo(2));

        JsonPath approved = asAdmin().post(location + "/approval").then().statusCode(200)
                .body("status", equalTo("APPROVED")).body("approvedAt", notNullValue())
                .extract().jsonPath();
        String offer = approved.getString("pairs[0].assignmentId");
        asAdmin().get("/api/v1/assignments/" + offer).then().statusCode(200)
                .body("status", equalTo("OFFERED")).body("volunteerId", equalTo(b.toString()))
                .body("reasons.score.total", equalTo(proposal.getFloat("pairs[0].score")));
        AssignmentOffered offered = awaitEvent(AssignmentOffered.TYPE,
                e -> e.payload().path("assignmentId").asText().equals(offer)).payloadAs(AssignmentOffered.class);
        assertEquals(b, offered.volunteerId());
        assertEquals("admin-1", offered.requestedBy());
        MatchingFixtures.assertEventsConform(offered.needId());

        asAdmin().post(location + "/approval").then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void aBeneficiaryNobodyOfThePoolFitsIsLeftWithoutAVolunteer() {
        GeoPoint base = randomBase();
        UUID tutor = volunteer(north(base, 500), true, "tutoring");
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();

        asAdmin().contentType(ContentType.JSON)
                .body(request(List.of(child(first, base), child(second, north(base, 300))), List.of(tutor)))
                .post("/api/v1/pairings")
                .then().statusCode(201)
                .body("pairs.findAll { it.volunteerId != null }.size()", equalTo(1))
                .body("pairs.findAll { it.volunteerId == null }[0].reasons", nullValue());
    }

    @Test
    void badRequestsAreProblemsNamingTheFieldAndStoreNothing() {
        GeoPoint base = randomBase();
        UUID tutor = volunteer(north(base, 500), true, "tutoring");
        UUID child = UUID.randomUUID();

        asAdmin().contentType(ContentType.JSON)
                .body(request(List.of(child(child, base), child(child, base)), List.of(tutor)))
                .post("/api/v1/pairings").then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("beneficiaries[1].beneficiaryRef"));
        UUID stranger = UUID.randomUUID();
        asAdmin().contentType(ContentType.JSON).body(request(List.of(child(child, base)), List.of(tutor, stranger)))
                .post("/api/v1/pairings").then().statusCode(400)
                .body("violations[0].field", equalTo("volunteerIds[1]"))
                .body("violations[0].message", containsString(stranger.toString()));
        asAdmin().contentType(ContentType.JSON).body(request(List.of(), List.of(tutor)))
                .post("/api/v1/pairings").then().statusCode(400)
                .body("violations.field", hasItem(containsString("beneficiaries")));
        asAdmin().post("/api/v1/pairings/" + UUID.randomUUID() + "/approval").then().statusCode(404)
                .contentType("application/problem+json");
        asAdmin().get("/api/v1/assignments?volunteerId=" + tutor).then().body("totalItems", equalTo(0));
    }
}
