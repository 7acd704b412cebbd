package org.linkage.matching.rest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.linkage.events.GeoPoint;
import org.linkage.events.assignment.AssignmentAccepted;
import org.linkage.events.assignment.AssignmentOffered;
import org.linkage.events.assignment.AssignmentStoodDown;
import org.linkage.events.assignment.AssignmentWithdrawn;
import org.linkage.events.assignment.NeedUnmatched;
import org.linkage.events.need.Urgency;
import org.linkage.testing.InfrastructureTestResource;

import java.util.UUID;

import static org.linkage.matching.rest.MatchingFixtures.asAdmin;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.linkage.matching.rest.MatchingFixtures.assertEventsConform;
import static org.linkage.matching.rest.MatchingFixtures.awaitAssignments;
import static org.linkage.matching.rest.MatchingFixtures.awaitEvent;
import static org.linkage.matching.rest.MatchingFixtures.eventsOf;
import static org.linkage.matching.rest.MatchingFixtures.north;
import static org.linkage.matching.rest.MatchingFixtures.raise;
import static org.linkage.matching.rest.MatchingFixtures.randomBase;
import static org.linkage.matching.rest.MatchingFixtures.volunteer;

/** The social worker steers: takes offers back and assigns by hand. */
@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
class SocialWorkerActionsTest {

    static String assignBody(UUID volunteerId) {
        return "{\"volunteerId\": \"" + volunteerId + "\"}";
    }

    @Test
    void aWithdrawnOfferIsClosedAndNobodyElseIsOfferedTheNeed() {
        GeoPoint base = randomBase();
        UUID offered = volunteer(north(base, 500), true, "elder-care");
        volunteer(north(base, 1_500), true, "elder-care");
        UUID needId = raise("elder-care", base, Urgency.ROUTINE, 1);
        String offer = awaitAssignments(needId, 1).getString("items[0].id");

        asAdmin().post("/api/v1/assignments/" + offer + "/withdraw").then().statusCode(200)
                .body("id", equalTo(offer))
                .body("status", equalTo("WITHDRAWN"))
                .body("answeredAt", nullValue());

        // Offering the next candidate would have happened in the withdrawal's own transaction.
        asAdmin().get("/api/v1/assignments?needId=" + needId).then().body("totalItems", equalTo(1));
        AssignmentWithdrawn withdrawn = awaitEvent(AssignmentWithdrawn.TYPE,
                e -> e.payload().path("assignmentId").asText().equals(offer)).payloadAs(AssignmentWithdrawn.class);
        assertEquals(offered, withdrawn.volunteerId());
        assertEquals(needId, withdrawn.needId());
        assertEquals("social-worker-" + needId, withdrawn.requestedBy());
        assertEquals(1, eventsOf(needId, AssignmentOffered.TYPE).size());
        assertEventsConform(needId);

        asAdmin().post("/api/v1/assignments/" + offer + "/withdraw").then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("WITHDRAWN"));
        asAdmin().post("/api/v1/assignments/" + offer + "/accept").then().statusCode(409);
        asAdmin().post("/api/v1/assignments/" + UUID.randomUUID() + "/withdraw").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void assigningByHandAcceptsAtOnceAndStandsDownTheOpenOffer() {
        GeoPoint base = randomBase();
        UUID offered = volunteer(north(base, 400), true, "tutoring");
        UUID chosen = volunteer(north(base, 6_000), true, "music");
        UUID needId = raise("tutoring", base, Urgency.ROUTINE, 1);
        String openOffer = awaitAssignments(needId, 1).getString("items[0].id");

        Response created = asAdmin().contentType(ContentType.JSON).body(assignBody(chosen))
                .header("Idempotency-Key", "assign-" + needId)
                .post("/api/v1/needs/" + needId + "/assignments");
        created.then().statusCode(201)
                .body("needId", equalTo(needId.toString()))
                .body("volunteerId", equalTo(chosen.toString()))
                .body("status", equalTo("ACCEPTED"))
                .body("rank", equalTo(2))
                .body("distanceMetres", equalTo(6_000))
                .body("answeredAt", notNullValue());
        String assignmentId = created.jsonPath().getString("id");
        assertTrue(created.header("Location").endsWith("/api/v1/assignments/" + assignmentId),
                created.header("Location"));
        asAdmin().get(created.header("Location")).then().statusCode(200).body("status", equalTo("ACCEPTED"));

        // A retry with the same key gets the same assignment, not a second one.
        asAdmin().contentType(ContentType.JSON).body(assignBody(chosen)).header("Idempotency-Key", "assign-" + needId)
                .post("/api/v1/needs/" + needId + "/assignments")
                .then().statusCode(201).body("id", equalTo(assignmentId));
        asAdmin().get("/api/v1/assignments/" + openOffer).then().body("status", equalTo("STOOD_DOWN"));
        asAdmin().get("/api/v1/assignments?needId=" + needId).then().body("totalItems", equalTo(2))
                .body("items.status", contains("ACCEPTED", "STOOD_DOWN"));

        AssignmentAccepted accepted = awaitEvent(AssignmentAccepted.TYPE,
                e -> e.payload().path("assignmentId").asText().equals(assignmentId))
                .payloadAs(AssignmentAccepted.class);
        assertEquals(chosen, accepted.volunteerId());
        AssignmentStoodDown stoodDown = awaitEvent(AssignmentStoodDown.TYPE,
                e -> e.payload().path("assignmentId").asText().equals(openOffer)).payloadAs(AssignmentStoodDown.class);
        assertEquals(offered, stoodDown.volunteerId());
        assertEquals(1, eventsOf(needId, AssignmentAccepted.TYPE).size());
        assertEventsConform(needId);

        asAdmin().contentType(ContentType.JSON).body(assignBody(offered))
                .post("/api/v1/needs/" + needId + "/assignments")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("STOOD_DOWN"));
    }

    @Test
    void assigningByHandAVolunteerCommittedAtTheSameTimeIsAConflict() {
        GeoPoint base = randomBase();
        UUID busy = volunteer(north(base, 800), true, "escort");
        UUID firstNeed = raise("escort", base, Urgency.ROUTINE, 1);
        asAdmin().post("/api/v1/assignments/" + awaitAssignments(firstNeed, 1).getString("items[0].id") + "/accept")
                .then().statusCode(200);
        // Nobody else fits, so the second need, at the same time, is escalated and left to the social worker.
        UUID secondNeed = raise("escort", base, Urgency.ROUTINE, 1);
        awaitEvent(NeedUnmatched.TYPE,
                e -> e.aggregateId().equals(secondNeed.toString()));

        asAdmin().contentType(ContentType.JSON).body(assignBody(busy))
                .post("/api/v1/needs/" + secondNeed + "/assignments")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("时间重叠"));
        asAdmin().get("/api/v1/assignments?needId=" + secondNeed).then().body("totalItems", equalTo(0));
        assertTrue(eventsOf(secondNeed, AssignmentAccepted.TYPE).isEmpty());
    }

    @Test
    void assigningByHandAnUnknownNeedOrVolunteerOrWithoutAVolunteerChangesNothing() {
        GeoPoint base = randomBase();
        UUID known = volunteer(north(base, 800), true, "clinic");
        UUID needId = raise("clinic", base, Urgency.ROUTINE, 1);
        awaitAssignments(needId, 1);
        UUID unknown = UUID.randomUUID();

        asAdmin().contentType(ContentType.JSON).body(assignBody(known))
                .post("/api/v1/needs/" + unknown + "/assignments")
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", containsString(unknown.toString()));
        asAdmin().contentType(ContentType.JSON).body(assignBody(unknown))
                .post("/api/v1/needs/" + needId + "/assignments")
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", containsString(unknown.toString()));
        asAdmin().contentType(ContentType.JSON).body("{}")
                .post("/api/v1/needs/" + needId + "/assignments")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", contains("volunteerId"));
        asAdmin().contentType(ContentType.JSON).body("{\"volunteerId\": \"someone\"}")
                .post("/api/v1/needs/" + needId + "/assignments")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", contains("volunteerId"));
        asAdmin().contentType(ContentType.JSON)
                .post("/api/v1/needs/" + needId + "/assignments")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", contains("volunteerId"));
        asAdmin().get("/api/v1/assignments?needId=" + needId).then().body("totalItems", equalTo(1))
                .body("items.status", contains("OFFERED"));
    }
}
