package org.linkage.matching.rest;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.linkage.events.EventEnvelope;
import org.linkage.events.EventJson;
import org.linkage.events.GeoPoint;
import org.linkage.events.TimeWindow;
import org.linkage.events.Topics;
import org.linkage.events.need.NeedRaised;
import org.linkage.events.need.Urgency;
import org.linkage.events.pairing.PairingActivated;
import org.linkage.events.pairing.PairingEnded;
import org.linkage.events.pairing.PairingProposed;
import org.linkage.events.volunteer.CertificationVerified;
import org.linkage.matching.repository.PairedBeneficiaryRepository;
import org.linkage.matching.service.PairingService;
import org.linkage.testing.EventSchemas;
import org.linkage.testing.InfrastructureTestResource;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.linkage.matching.rest.MatchingFixtures.asAdmin;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.linkage.matching.rest.MatchingFixtures.await;
import static org.linkage.matching.rest.MatchingFixtures.awaitAssignments;
import static org.linkage.matching.rest.MatchingFixtures.awaitEvent;
import static org.linkage.matching.rest.MatchingFixtures.awaitIndexed;
import static org.linkage.matching.rest.MatchingFixtures.send;
import static org.linkage.matching.rest.MatchingFixtures.north;
import static org.linkage.matching.rest.MatchingFixtures.randomBase;
import static org.linkage.matching.rest.MatchingFixtures.tomorrow;
import static org.linkage.matching.rest.MatchingFixtures.volunteer;

/**
 * Pairings: the proposal with the largest total score, with reasons; approval proposes each pair to activity-service
 * (PairingProposed); an actively paired beneficiary's needs go to their volunteer only.
 */
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
        UUID a = checked(volunteer(north(base, 5_000), true, "tutoring"));
        UUID b = checked(volunteer(north(base, -6_000), true, "tutoring"));
        volunteer(north(base, 100), true, "haircut");
        // Nearest of all, but without a background check: never proposed for a child.
        UUID unchecked = volunteer(north(base, 50), true, "tutoring");
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();

        Response created = asAdmin().contentType(ContentType.JSON)
                .body(request(List.of(child(first, firstChild), child(second, secondChild)), List.of(a, b, unchecked)))
                .post("/api/v1/pairings");

        created.then().statusCode(201).body("status", equalTo("PROPOSED"))
                .body("pairs[0].beneficiaryRef", equalTo(first.toString()))
                .body("pairs[0].volunteerId", equalTo(b.toString()))
                .body("pairs[1].beneficiaryRef", equalTo(second.toString()))
                .body("pairs[1].volunteerId", equalTo(a.toString()))
                .body("pairs[0].reasons.constraintsMet", hasItem("距需求 6000 米（搜索半径 20000 米）"))
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
                .body("pairs[0].assignmentId", nullValue())
                .extract().jsonPath();
        String pairId = approved.getString("pairs[0].pairId");
        EventEnvelope envelope = awaitEvent(PairingProposed.TYPE,
                e -> e.payload().path("pairingId").asText().equals(pairId));
        PairingProposed proposed = envelope.payloadAs(PairingProposed.class);
        assertEquals(b, proposed.volunteerId());
        assertEquals(first, proposed.beneficiaryRef());
        assertEquals(UUID.fromString(proposal.getString("id")), proposed.proposalId());
        assertEquals("admin-1", proposed.requestedBy());
        assertEquals(proposal.getDouble("pairs[0].score"), proposed.score(), 1e-6);
        assertTrue(proposed.reasons().contains("within 6000 m of the need (radius 20000 m)"), proposed.reasons()
                .toString());
        assertEquals(Set.of(), EventSchemas.violations(EventJson.write(envelope)));
        // Approval offers nothing itself: activity-service follows the pairing from here.
        asAdmin().get("/api/v1/assignments?volunteerId=" + b).then().body("totalItems", equalTo(0));

        asAdmin().post(location + "/approval").then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void anActivelyPairedBeneficiarysNeedsGoToTheirVolunteerOnlyUntilThePairingEnds() {
        GeoPoint base = randomBase();
        UUID nearer = volunteer(north(base, 200), true, "tutoring");
        UUID paired = volunteer(north(base, 4_000), true, "tutoring");
        UUID child = UUID.randomUUID();
        UUID pairingId = UUID.randomUUID();
        send(Topics.PAIRING_EVENTS, PairingActivated.of(pairingId, child, paired, LocalDate.now(),
                LocalDate.now().plusMonths(6), "social-worker-1"));
        await(() -> QuarkusTransaction.requiringNew().call(() -> Arc.container()
                .instance(PairedBeneficiaryRepository.class).get().volunteerOf(child)),
                Optional::isPresent, "the pairing to be followed");

        UUID needId = raiseFor(child, base);
        JsonPath offers = awaitAssignments(needId, 1);
        assertEquals(List.of(paired.toString()), offers.getList("items.volunteerId"));

        send(Topics.PAIRING_EVENTS, PairingEnded.of(pairingId, child, paired, "the school year ended",
                "social-worker-1", null));
        await(() -> QuarkusTransaction.requiringNew().call(() -> Arc.container()
                .instance(PairedBeneficiaryRepository.class).get().volunteerOf(child)),
                Optional::isEmpty, "the pairing to end");
        UUID later = raiseFor(child, base);
        assertTrue(awaitAssignments(later, 1).getList("items.volunteerId").contains(nearer.toString()));
    }

    /** A background check in date, which a child's pairing requires. */
    private static UUID checked(UUID volunteerId) {
        send(Topics.VOLUNTEER_EVENTS, CertificationVerified.of(volunteerId, UUID.randomUUID(),
                PairingService.BACKGROUND_CHECK, LocalDate.now().plusYears(1)));
        awaitIndexed(volunteerId, profile -> profile.map(p -> p.certifications()
                .containsKey(PairingService.BACKGROUND_CHECK)).orElse(false));
        return volunteerId;
    }

    private static UUID raiseFor(UUID child, GeoPoint place) {
        UUID needId = UUID.randomUUID();
        send(Topics.NEED_EVENTS, NeedRaised.builder(needId).category("tutoring").requiredSkill("tutoring")
                .location(place).window(tomorrow()).urgency(Urgency.ROUTINE).volunteersNeeded(1)
                .requestedBy("social-worker-1").summary("Homework help").careCategory("CHILD").beneficiaryRef(child)
                .build());
        return needId;
    }

    @Test
    void aBeneficiaryNobodyOfThePoolFitsIsLeftWithoutAVolunteer() {
        GeoPoint base = randomBase();
        UUID tutor = checked(volunteer(north(base, 500), true, "tutoring"));
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
