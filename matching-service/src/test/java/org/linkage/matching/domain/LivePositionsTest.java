package org.linkage.matching.domain;

import org.junit.jupiter.api.Test;
import org.linkage.events.GeoPoint;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.linkage.matching.domain.LivePositions.Outcome.ACCEPTED;
import static org.linkage.matching.domain.LivePositions.Outcome.IN_THE_FUTURE;
import static org.linkage.matching.domain.LivePositions.Outcome.NOT_ACCURATE_ENOUGH;
import static org.linkage.matching.domain.LivePositions.Outcome.NOT_NEWER;
import static org.linkage.matching.domain.LivePositions.Outcome.NOT_ON_ROSTER;
import static org.linkage.matching.domain.LivePositions.Outcome.OUTSIDE_DISTRICT;
import static org.linkage.matching.domain.LivePositions.Outcome.STALE;
import static org.linkage.matching.domain.LivePositions.Outcome.THROTTLED;

/** Throttling, time to live, the roster and the search of live positions, on a clock the test moves. */
class LivePositionsTest {

    private static final GeoPoint HEZE = new GeoPoint(35.2367, 115.4806);
    private static final long T0 = 1_800_000_000_000L;

    private final LivePositions live = new LivePositions(new LivePositions.Rules(Duration.ofSeconds(60),
            Duration.ofSeconds(30), Duration.ofSeconds(5), Duration.ofSeconds(2), 100,
            new LivePositions.Box(34.8, 115.0, 35.6, 116.0)));

    private static VolunteerProfile responder(UUID id) {
        return new VolunteerProfile(id, null, true, true, Map.of("first-aid", 1), Map.of(), Map.of(),
                Availability.ALWAYS);
    }

    private UUID rostered() {
        UUID id = UUID.randomUUID();
        live.enrol(responder(id));
        return id;
    }

    @Test
    void eachRuleRefusesAndARefusedPingChangesNothing() {
        UUID rider = rostered();
        assertEquals(NOT_ON_ROSTER, live.ping(UUID.randomUUID(), HEZE, 10, T0, T0));
        assertEquals(OUTSIDE_DISTRICT, live.ping(rider, new GeoPoint(39.9, 116.4), 10, T0, T0));
        assertEquals(NOT_ACCURATE_ENOUGH, live.ping(rider, HEZE, 101, T0, T0));
        assertEquals(IN_THE_FUTURE, live.ping(rider, HEZE, 10, T0 + 5_001, T0));
        assertEquals(STALE, live.ping(rider, HEZE, 10, T0 - 30_001, T0));
        assertEquals(0, live.tracked());
        assertEquals(ACCEPTED, live.ping(rider, HEZE, 100, T0 + 5_000, T0)); // the limits themselves are fine
        assertEquals(1, live.tracked());
    }

    @Test
    void pingsAreThrottledPerVolunteerAndRetriesChangeNothing() {
        UUID rider = rostered();
        UUID other = rostered();
        assertEquals(ACCEPTED, live.ping(rider, HEZE, 10, T0, T0));
        assertEquals(ACCEPTED, live.ping(other, HEZE, 10, T0, T0)); // another rider is not throttled by the first
        assertEquals(NOT_NEWER, live.ping(rider, HEZE, 10, T0, T0 + 500)); // the phone's retry
        assertEquals(NOT_NEWER, live.ping(rider, HEZE, 10, T0 - 1_000, T0 + 500)); // overtaken by the newer one
        assertEquals(THROTTLED, live.ping(rider, new GeoPoint(35.3, 115.5), 10, T0 + 1_000, T0 + 1_999));
        assertEquals(HEZE, live.current(rider, T0 + 1_999).orElseThrow().position());
        assertEquals(T0 + 2_000, live.nextPingAfter(rider));
        assertEquals(ACCEPTED, live.ping(rider, new GeoPoint(35.3, 115.5), 10, T0 + 1_000, T0 + 2_000));
        assertEquals(new GeoPoint(35.3, 115.5), live.current(rider, T0 + 2_000).orElseThrow().position());
    }

    @Test
    void aPositionCountsForItsTimeToLiveFromItsFixAndIsThenForgotten() {
        UUID rider = rostered();
        live.ping(rider, HEZE, 10, T0 - 10_000, T0);
        assertTrue(live.current(rider, T0 + 50_000).isPresent());
        assertFalse(live.current(rider, T0 + 50_001).isPresent());
        assertTrue(live.within(HEZE, 100, T0 + 50_001).isEmpty());
        assertEquals(1, live.tracked());
        assertEquals(1, live.sweep(T0 + 50_001));
        assertEquals(0, live.tracked());
    }

    @Test
    void leavingTheRosterForgetsThePositionAtOnce() {
        UUID offDuty = rostered();
        UUID revoked = rostered();
        UUID stays = rostered();
        for (UUID id : List.of(offDuty, revoked, stays)) {
            assertEquals(ACCEPTED, live.ping(id, HEZE, 10, T0, T0));
        }
        live.drop(offDuty);
        live.replaceRoster(List.of(responder(stays)));
        assertFalse(live.current(offDuty, T0).isPresent());
        assertFalse(live.current(revoked, T0).isPresent());
        assertTrue(live.current(stays, T0).isPresent());
        assertEquals(1, live.tracked());
        assertEquals(NOT_ON_ROSTER, live.ping(offDuty, HEZE, 10, T0 + 5_000, T0 + 5_000));
    }

    @Test
    void withinFindsTheFreshPositionsInReachAndRankingIsNearestFirst() {
        UUID near = rostered();
        UUID far = rostered();
        UUID outOfReach = rostered();
        live.ping(near, north(HEZE, 100), 10, T0, T0);
        live.ping(far, north(HEZE, 400), 10, T0, T0);
        live.ping(outOfReach, north(HEZE, 600), 10, T0, T0);
        List<LivePositions.Located> found = live.within(HEZE, 500, T0 + 1_000);
        assertEquals(Set.of(near, far), new HashSet<>(found.stream().map(l -> l.responder().volunteerId()).toList()));

        Requirements emergency = new Requirements(HEZE, 500, "first-aid", List.of(), List.of(),
                java.time.Instant.ofEpochMilli(T0), java.time.Instant.ofEpochMilli(T0 + 3_600_000), 1, true);
        List<CandidateSearch.Match> ranked = CandidateSearch.topKLive(found, new CandidateSearch.Query(emergency, 7,
                Set.of(), Set.of(), ScoringWeights.nearestFirst(2000), 10), new CandidateGrid(), null, ids -> Map.of());
        assertEquals(List.of(near, far), ranked.stream().map(m -> m.volunteer().volunteerId()).toList());
        assertEquals(100, ranked.get(0).distanceMetres());
        UUID asked = UUID.randomUUID();
        Set<UUID> notFromHome = live.trackedOr(Set.of(asked), T0);
        for (UUID id : List.of(near, far, outOfReach, asked)) {
            assertTrue(notFromHome.contains(id), "tracked or asked " + id);
        }
        assertFalse(notFromHome.contains(rostered()));
        assertFalse(live.trackedOr(Set.of(), T0 + 60_001).contains(near)); // past its time to live
    }

    @Test
    void theLiveAndTheHomeFallbackAreRankedTogetherOnOneReadOfTheFacts() {
        UUID riding = rostered();
        live.ping(riding, north(HEZE, 300), 10, T0, T0);
        UUID atHome = UUID.randomUUID();
        CandidateGrid homes = new CandidateGrid();
        // The rider's home is nearer than where they ride, but they are not at home: only their live position counts.
        homes.put(responder(riding).at(north(HEZE, 50)));
        homes.put(responder(atHome).at(north(HEZE, 200)));
        Requirements emergency = new Requirements(HEZE, 500, "first-aid", List.of(), List.of(),
                java.time.Instant.ofEpochMilli(T0), java.time.Instant.ofEpochMilli(T0 + 3_600_000), 1, true);
        ScoringWeights nearestFirst = ScoringWeights.nearestFirst(2000);
        List<List<UUID>> reads = new java.util.ArrayList<>();
        List<CandidateSearch.Match> ranked = CandidateSearch.topKLive(live.within(HEZE, 500, T0 + 1_000),
                new CandidateSearch.Query(emergency, 7, Set.of(), Set.of(), nearestFirst, 10), homes,
                new CandidateSearch.Query(emergency, 7, live.trackedOr(Set.of(), T0 + 1_000), Set.of(), nearestFirst,
                        10),
                ids -> {
                    reads.add(List.copyOf(ids));
                    return Map.of();
                });
        assertEquals(List.of(atHome, riding), ranked.stream().map(m -> m.volunteer().volunteerId()).toList());
        assertEquals(List.of(200, 300), ranked.stream().map(CandidateSearch.Match::distanceMetres).toList());
        assertEquals(1, reads.size(), "one read of the facts for both: " + reads);
        assertEquals(Set.of(atHome, riding), new HashSet<>(reads.get(0)));
    }

    @Test
    void aRiderMovingAcrossCellsIsFoundOnceWhereTheyAreNow() {
        UUID rider = rostered();
        GeoPoint start = new GeoPoint(35.2049, 115.4849); // just south of a cell's edge
        assertEquals(ACCEPTED, live.ping(rider, start, 10, T0, T0));
        GeoPoint moved = north(start, 3_000); // three cells on
        assertEquals(ACCEPTED, live.ping(rider, moved, 10, T0 + 2_000, T0 + 2_000));
        assertTrue(live.within(start, 500, T0 + 2_000).isEmpty());
        List<LivePositions.Located> found = live.within(moved, 2_000, T0 + 2_000);
        assertEquals(1, found.size());
        assertEquals(moved, found.get(0).fix().position());
        live.forget(rider);
        assertTrue(live.within(moved, 2_000, T0 + 2_000).isEmpty());
        assertEquals(0, live.tracked());
    }

    @Test
    void fixesPingedHereAreSharedAndASharedFixIsKeptOnlyIfNewerAndRostered() {
        UUID rider = rostered();
        UUID sharedIn = rostered();
        assertEquals(ACCEPTED, live.ping(rider, HEZE, 10, T0, T0));
        LivePositions.Fix elsewhere = new LivePositions.Fix(35.3, 115.5, 20, T0 + 1_000, T0 + 1_000);
        assertTrue(live.share(sharedIn, elsewhere, T0 + 1_000));
        assertFalse(live.share(sharedIn, new LivePositions.Fix(35.4, 115.5, 20, T0, T0), T0 + 1_000)); // older
        assertFalse(live.share(UUID.randomUUID(), elsewhere, T0 + 1_000)); // not on this roster
        assertFalse(live.share(rostered(), new LivePositions.Fix(35.4, 115.5, 20, T0 - 60_001, T0), T0)); // expired
        assertEquals(elsewhere, live.current(sharedIn, T0 + 1_000).orElseThrow());

        Map<UUID, LivePositions.Fix> toShare = new java.util.HashMap<>();
        live.pingedHereSince(T0 - 1, toShare::put);
        assertEquals(Set.of(rider), toShare.keySet()); // what came from another replica is not sent back
        toShare.clear();
        live.pingedHereSince(T0, toShare::put);
        assertTrue(toShare.isEmpty()); // already sent
        live.drop(sharedIn);
        assertFalse(live.share(sharedIn, new LivePositions.Fix(35.3, 115.5, 20, T0 + 3_000, T0 + 3_000), T0 + 3_000));
    }

    private static GeoPoint north(GeoPoint from, double metres) {
        return new GeoPoint(from.latitude() + metres / (6_371_000 * Math.PI / 180), from.longitude());
    }
}
