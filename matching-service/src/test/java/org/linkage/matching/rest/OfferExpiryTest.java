package org.linkage.matching.rest;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.linkage.events.GeoPoint;
import org.linkage.events.assignment.AssignmentExpired;
import org.linkage.events.assignment.AssignmentOffered;
import org.linkage.events.assignment.NeedUnmatched;
import org.linkage.events.need.Urgency;
import org.linkage.matching.service.MatchingService;
import org.linkage.testing.InfrastructureTestResource;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.linkage.matching.rest.MatchingFixtures.asAdmin;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.linkage.matching.rest.MatchingFixtures.assertEventsConform;
import static org.linkage.matching.rest.MatchingFixtures.awaitAssignments;
import static org.linkage.matching.rest.MatchingFixtures.awaitEvent;
import static org.linkage.matching.rest.MatchingFixtures.eventsOf;
import static org.linkage.matching.rest.MatchingFixtures.north;
import static org.linkage.matching.rest.MatchingFixtures.raise;
import static org.linkage.matching.rest.MatchingFixtures.randomBase;
import static org.linkage.matching.rest.MatchingFixtures.volunteer;

/** The expiry timer is a column: whatever set it, and whenever, the job fires it once it is due. */
@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
class OfferExpiryTest {

    @Inject
    EntityManager entityManager;

    @Inject
    MatchingService matching;

    /** As if the offer had been made long ago, before a restart, and had run out while the service was down. */
    void expireLongAgo(String assignmentId) {
        QuarkusTransaction.requiringNew().run(() -> assertEquals(1, entityManager.createNativeQuery(
                        "UPDATE assignment SET offered_at = ?1, expires_at = ?2 WHERE id = ?3")
                .setParameter(1, Instant.parse("2026-01-01T08:00:00Z"))
                .setParameter(2, Instant.parse("2026-01-01T08:30:00Z"))
                .setParameter(3, UUID.fromString(assignmentId))
                .executeUpdate()));
    }

    @Test
    void anOfferPastItsExpiryIsExpiredAndTheNextCandidateOfferedUntilNobodyIsLeft() {
        GeoPoint base = randomBase();
        UUID first = volunteer(north(base, 600), true, "elder-care");
        UUID second = volunteer(north(base, 2_600), true, "elder-care");
        UUID needId = raise("elder-care", base, Urgency.ROUTINE, 1);
        String firstOffer = awaitAssignments(needId, 1).getString("items[0].id");

        expireLongAgo(firstOffer);

        JsonPath afterExpiry = awaitAssignments(needId, 2);
        String openOffer = "items.find { it.status == 'OFFERED' }";
        assertEquals(second.toString(), afterExpiry.getString(openOffer + ".volunteerId"));
        assertEquals(2, afterExpiry.getInt(openOffer + ".rank"));
        asAdmin().get("/api/v1/assignments/" + firstOffer).then().statusCode(200)
                .body("status", equalTo("EXPIRED"))
                .body("answeredAt", nullValue());
        AssignmentExpired expired = awaitEvent(AssignmentExpired.TYPE,
                e -> e.payload().path("assignmentId").asText().equals(firstOffer)).payloadAs(AssignmentExpired.class);
        assertEquals(first, expired.volunteerId());
        assertEquals(needId, expired.needId());
        assertEquals("social-worker-" + needId, expired.requestedBy());
        assertEquals(Instant.parse("2026-01-01T08:30:00Z"), expired.expiredAt());
        asAdmin().post("/api/v1/assignments/" + firstOffer + "/accept").then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("EXPIRED"));

        expireLongAgo(afterExpiry.getString(openOffer + ".id"));

        NeedUnmatched unmatched = awaitEvent(NeedUnmatched.TYPE, e -> e.aggregateId().equals(needId.toString()))
                .payloadAs(NeedUnmatched.class);
        assertEquals(2, unmatched.candidatesTried());
        asAdmin().get("/api/v1/assignments?needId=" + needId).then()
                .body("items.status", contains("EXPIRED", "EXPIRED"));
        // Fired once each, though the job polls every second.
        assertEquals(2, eventsOf(needId, AssignmentExpired.TYPE).size());
        assertEquals(2, eventsOf(needId, AssignmentOffered.TYPE).size());
        assertEventsConform(needId);
    }

    @Test
    void anOfferNotYetDueIsLeftOpen() {
        GeoPoint base = randomBase();
        volunteer(north(base, 900), true, "haircut");
        UUID needId = raise("haircut", base, Urgency.ROUTINE, 1);
        String offer = awaitAssignments(needId, 1).getString("items[0].id");
        GeoPoint elsewhere = randomBase();
        volunteer(north(elsewhere, 100), true, "haircut");
        UUID dueNeed = raise("haircut", elsewhere, Urgency.ROUTINE, 1);
        String dueOffer = awaitAssignments(dueNeed, 1).getString("items[0].id");

        expireLongAgo(dueOffer);

        // Once the due offer is expired, the job has looked at the one not yet due too.
        awaitEvent(AssignmentExpired.TYPE, e -> e.payload().path("assignmentId").asText().equals(dueOffer));
        asAdmin().get("/api/v1/assignments/" + offer).then().body("status", equalTo("OFFERED"));
        assertEquals(0, eventsOf(needId, AssignmentExpired.TYPE).size());
    }

    @Test
    void replicasRacingForTheSameDueOffersExpireEachOnce() throws Exception {
        GeoPoint base = randomBase();
        volunteer(north(base, 500), true, "laundry");
        List<UUID> needIds = IntStream.range(0, 5).mapToObj(i -> raise("laundry", base, Urgency.ROUTINE, 1)).toList();
        List<String> offers = needIds.stream()
                .map(needId -> awaitAssignments(needId, 1).getString("items[0].id")).toList();

        offers.forEach(this::expireLongAgo);
        // Four more "replicas" beside the scheduled job, each firing whatever is due until nothing is left.
        ExecutorService replicas = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> fired = IntStream.range(0, 4).mapToObj(i -> replicas.submit(() -> {
                int count = 0;
                while (matching.expireNextDueOffer(Instant.now())) {
                    count++;
                }
                return count;
            })).toList();
            for (Future<Integer> replica : fired) {
                replica.get(30, TimeUnit.SECONDS);
            }
        } finally {
            replicas.shutdownNow();
        }

        for (UUID needId : needIds) {
            awaitEvent(NeedUnmatched.TYPE, e -> e.aggregateId().equals(needId.toString()));
            assertEquals(1, eventsOf(needId, AssignmentExpired.TYPE).size(), "expiries of " + needId);
            assertEquals(1, eventsOf(needId, NeedUnmatched.TYPE).size(), "escalations of " + needId);
        }
        offers.forEach(offer -> asAdmin().get("/api/v1/assignments/" + offer).then().body("status", equalTo("EXPIRED")));
    }
}
