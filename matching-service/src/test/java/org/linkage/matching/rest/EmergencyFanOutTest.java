package org.linkage.matching.rest;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.linkage.events.EventEnvelope;
import org.linkage.events.GeoPoint;
import org.linkage.events.assignment.AssignmentAccepted;
import org.linkage.events.assignment.AssignmentOffered;
import org.linkage.events.assignment.AssignmentStoodDown;
import org.linkage.events.need.Urgency;
import org.linkage.testing.InfrastructureTestResource;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.linkage.matching.rest.MatchingFixtures.asAdmin;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.linkage.matching.rest.MatchingFixtures.assertEventsConform;
import static org.linkage.matching.rest.MatchingFixtures.await;
import static org.linkage.matching.rest.MatchingFixtures.awaitAssignments;
import static org.linkage.matching.rest.MatchingFixtures.awaitEvent;
import static org.linkage.matching.rest.MatchingFixtures.eventsOf;
import static org.linkage.matching.rest.MatchingFixtures.north;
import static org.linkage.matching.rest.MatchingFixtures.raise;
import static org.linkage.matching.rest.MatchingFixtures.randomBase;
import static org.linkage.matching.rest.MatchingFixtures.responder;
import static org.linkage.matching.rest.MatchingFixtures.volunteer;

/** Emergencies go to the nearest on-duty responders at once; the first to accept is assigned. */
@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
class EmergencyFanOutTest {

    @Inject
    EntityManager entityManager;

    /** Eight on-duty first-aiders 50 m apart within 400 m, nearest first. */
    static List<UUID> eightResponders(GeoPoint base) {
        return IntStream.rangeClosed(1, 8).mapToObj(i -> responder(north(base, 50.0 * i), "first-aid"))
                .toList();
    }

    static Set<String> ids(List<UUID> volunteers) {
        return volunteers.stream().map(UUID::toString).collect(Collectors.toSet());
    }

    @Test
    void theSevenNearestOnDutyRespondersAreOfferedAndTheFirstToAcceptWins() {
        GeoPoint base = randomBase();
        volunteer(north(base, 10), true, "first-aid");
        responder(north(base, 20), "elder-care");
        List<UUID> responders = eightResponders(base);
        UUID needId = raise("first-aid", base, Urgency.EMERGENCY, 1);

        JsonPath offers = awaitAssignments(needId, 7);
        assertEquals(7, offers.getInt("totalItems"));
        assertEquals(ids(responders.subList(0, 7)), Set.copyOf(offers.getList("items.volunteerId")));
        String winner = offers.getString("items.find { it.rank == 3 }.id");

        asAdmin().post("/api/v1/assignments/" + winner + "/accept").then().statusCode(200)
                .body("status", equalTo("ACCEPTED"));

        JsonPath after = asAdmin().get("/api/v1/assignments?size=100&needId=" + needId).then().extract().jsonPath();
        assertEquals(7, after.getList("items").size());
        assertEquals(6, after.getList("items.findAll { it.status == 'STOOD_DOWN' }").size());
        List<EventEnvelope> stoodDown = await(() -> eventsOf(needId, AssignmentStoodDown.TYPE),
                events -> events.size() >= 6, "six AssignmentStoodDown");
        assertEquals(Set.copyOf(after.getList("items.findAll { it.status == 'STOOD_DOWN' }.id")),
                stoodDown.stream().map(e -> e.payload().path("assignmentId").asText()).collect(Collectors.toSet()));
        stoodDown.forEach(e -> assertEquals("social-worker-" + needId, e.payload().path("requestedBy").asText()));
        String late = after.getString("items.find { it.status == 'STOOD_DOWN' }.id");
        asAdmin().post("/api/v1/assignments/" + late + "/accept").then().statusCode(409)
                .contentType("application/problem+json");
        awaitEvent(AssignmentAccepted.TYPE, e -> e.aggregateId().equals(needId.toString()));
        assertEquals(1, eventsOf(needId, AssignmentAccepted.TYPE).size());
        assertEquals(6, eventsOf(needId, AssignmentStoodDown.TYPE).size());
        assertEventsConform(needId);
    }

    @Test
    void eachDeclineIsReplacedByTheNextNearestResponder() {
        GeoPoint base = randomBase();
        List<UUID> responders = eightResponders(base);
        UUID needId = raise("first-aid", base, Urgency.EMERGENCY, 1);
        String nearest = awaitAssignments(needId, 7).getString("items.find { it.rank == 1 }.id");

        asAdmin().contentType(ContentType.JSON).body("{\"reason\": \"正在开车\"}")
                .post("/api/v1/assignments/" + nearest + "/decline").then().statusCode(200);

        JsonPath after = awaitAssignments(needId, 8);
        assertEquals(responders.get(7).toString(), after.getString("items.find { it.rank == 8 }.volunteerId"));
        assertEquals(7, after.getList("items.findAll { it.status == 'OFFERED' }").size());
        assertEquals(8, await(() -> eventsOf(needId, AssignmentOffered.TYPE), events -> events.size() >= 8,
                "eight offers").size());
    }

    @Test
    void withNobodyWithinTheFirstRadiusTheSearchWidensAtOnce() {
        GeoPoint base = randomBase();
        volunteer(north(base, 100), true, "first-aid");
        UUID reachable = responder(north(base, 800), "first-aid");

        UUID needId = raise("first-aid", base, Urgency.EMERGENCY, 1);

        // Widening waits 60 s by default; the offer comes well before that.
        JsonPath offers = awaitAssignments(needId, 1);
        assertEquals(reachable.toString(), offers.getString("items[0].volunteerId"));
        assertEquals(800, offers.getInt("items[0].distanceMetres"));
        assertTrue(eventsOf(needId, "NeedUnmatched").isEmpty());
    }

    @Test
    void aWideningDueInTheDatabaseFiresWhenEverItWasSet() {
        GeoPoint base = randomBase();
        UUID near = responder(north(base, 200), "first-aid");
        UUID wider = responder(north(base, 900), "first-aid");
        UUID needId = raise("first-aid", base, Urgency.EMERGENCY, 1);
        assertEquals(near.toString(), awaitAssignments(needId, 1).getString("items[0].volunteerId"));

        // As if the emergency had been raised before a restart and its wait had passed while the service was down.
        QuarkusTransaction.requiringNew().run(() -> assertEquals(1, entityManager.createNativeQuery(
                        "UPDATE need SET widen_at = ?1 WHERE id = ?2")
                .setParameter(1, Instant.parse("2026-01-01T08:00:00Z"))
                .setParameter(2, needId)
                .executeUpdate()));

        JsonPath after = awaitAssignments(needId, 2);
        assertEquals(wider.toString(), after.getString("items.find { it.rank == 2 }.volunteerId"));
        assertEquals(2, after.getList("items.findAll { it.status == 'OFFERED' }").size());
    }
}
