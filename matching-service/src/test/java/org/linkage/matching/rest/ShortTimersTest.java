package org.linkage.matching.rest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.linkage.events.GeoPoint;
import org.linkage.events.assignment.AssignmentExpired;
import org.linkage.events.assignment.NeedUnmatched;
import org.linkage.events.need.Urgency;
import org.linkage.testing.InfrastructureTestResource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.linkage.matching.rest.MatchingFixtures.asAdmin;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.linkage.matching.rest.MatchingFixtures.assertEventsConform;
import static org.linkage.matching.rest.MatchingFixtures.awaitAssignments;
import static org.linkage.matching.rest.MatchingFixtures.awaitEvent;
import static org.linkage.matching.rest.MatchingFixtures.north;
import static org.linkage.matching.rest.MatchingFixtures.raise;
import static org.linkage.matching.rest.MatchingFixtures.randomBase;
import static org.linkage.matching.rest.MatchingFixtures.responder;
import static org.linkage.matching.rest.MatchingFixtures.volunteer;

/** Offers and emergencies with timers short enough to watch them fire. */
@QuarkusTest
@TestProfile(ShortTimersTest.ShortTimers.class)
@WithTestResource(InfrastructureTestResource.class)
class ShortTimersTest {

    public static class ShortTimers implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("linkage.matching.offer-ttl.routine", "2s",
                    "linkage.matching.emergency.widen-after", "2s");
        }
    }

    @Test
    void anOfferWithATinyTtlExpiresAndTheNextCandidateIsOffered() {
        GeoPoint base = randomBase();
        UUID first = volunteer(north(base, 300), true, "elder-care");
        UUID second = volunteer(north(base, 1_300), true, "elder-care");
        UUID needId = raise("elder-care", base, Urgency.ROUTINE, 1);

        JsonPath afterExpiry = awaitAssignments(needId,
                page -> page.getList("items").size() >= 2 && "EXPIRED".equals(
                        page.getString("items.find { it.volunteerId == '" + first + "' }.status")),
                "the first offer expired and a second one");
        assertEquals(second.toString(), afterExpiry.getString("items.find { it.rank == 2 }.volunteerId"));
        AssignmentExpired expired = awaitEvent(AssignmentExpired.TYPE, e -> e.aggregateId().equals(needId.toString()))
                .payloadAs(AssignmentExpired.class);
        assertEquals(first, expired.volunteerId());
        assertTrue(!expired.expiredAt().isAfter(Instant.now()), expired.toString());
        JsonPath firstOffer = asAdmin().get("/api/v1/assignments/" + expired.assignmentId()).then().extract().jsonPath();
        assertEquals(Duration.ofSeconds(2), Duration.between(Instant.parse(firstOffer.getString("offeredAt")),
                Instant.parse(firstOffer.getString("expiresAt"))));
        // With nobody left, the second expiry escalates.
        awaitEvent(NeedUnmatched.TYPE, e -> e.aggregateId().equals(needId.toString()));
        assertEventsConform(needId);
    }

    @Test
    void anEmergencyNobodyAcceptsWidensRadiusByRadiusThenIsUnmatched() {
        GeoPoint base = randomBase();
        UUID within500 = responder(north(base, 300), "first-aid");
        UUID within1000 = responder(north(base, 900), "first-aid");
        UUID within2000 = responder(north(base, 1_800), "first-aid");
        responder(north(base, 2_500), "first-aid");
        UUID needId = raise("first-aid", base, Urgency.EMERGENCY, 1);

        NeedUnmatched unmatched = awaitEvent(NeedUnmatched.TYPE, e -> e.aggregateId().equals(needId.toString()))
                .payloadAs(NeedUnmatched.class);
        assertEquals(3, unmatched.candidatesTried());
        assertTrue(unmatched.reason().contains("2000 米"), unmatched.reason());
        JsonPath offers = asAdmin().get("/api/v1/assignments?needId=" + needId).then()
                .body("totalItems", equalTo(3)).extract().jsonPath();
        List<String> byRank = List.of(within500.toString(), within1000.toString(), within2000.toString());
        for (int rank = 1; rank <= 3; rank++) {
            assertEquals(byRank.get(rank - 1), offers.getString("items.find { it.rank == " + rank + " }.volunteerId"));
        }
        // Each ring was offered only after the one before had waited.
        Instant first = Instant.parse(offers.getString("items.find { it.rank == 1 }.offeredAt"));
        Instant second = Instant.parse(offers.getString("items.find { it.rank == 2 }.offeredAt"));
        Instant third = Instant.parse(offers.getString("items.find { it.rank == 3 }.offeredAt"));
        assertTrue(Duration.between(first, second).compareTo(Duration.ofSeconds(2)) >= 0, first + " " + second);
        assertTrue(Duration.between(second, third).compareTo(Duration.ofSeconds(2)) >= 0, second + " " + third);
        assertEventsConform(needId);
    }
}
