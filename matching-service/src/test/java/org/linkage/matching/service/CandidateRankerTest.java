package org.linkage.matching.service;

import org.junit.jupiter.api.Test;
import org.linkage.events.GeoPoint;
import org.linkage.matching.domain.Candidate;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CandidateRankerTest {

    private static final GeoPoint NEED = new GeoPoint(31.2304, 121.4737);
    private static final double METRES_PER_DEGREE_OF_LATITUDE = 6_371_000 * Math.PI / 180;
    private static final int MAX_DISTANCE = 20_000;

    static Candidate candidate(double metresNorth, boolean active, String... skills) {
        Candidate candidate = new Candidate();
        candidate.volunteerId = UUID.randomUUID();
        candidate.displayName = "volunteer";
        candidate.skills = Set.of(skills);
        candidate.homeLatitude = NEED.latitude() + metresNorth / METRES_PER_DEGREE_OF_LATITUDE;
        candidate.homeLongitude = NEED.longitude();
        candidate.active = active;
        return candidate;
    }

    private static List<UUID> ids(List<CandidateRanker.Ranked> ranked) {
        return ranked.stream().map(r -> r.candidate().volunteerId).toList();
    }

    @Test
    void theNearestFirstWithTheirDistances() {
        Candidate far = candidate(5_000, true, "elder-care");
        Candidate near = candidate(1_000, true, "elder-care");
        Candidate middle = candidate(-3_000, true, "elder-care", "tutoring");

        List<CandidateRanker.Ranked> ranked = CandidateRanker.best(NEED, "elder-care", List.of(far, near, middle),
                Set.of(), MAX_DISTANCE, 10);

        assertEquals(List.of(near.volunteerId, middle.volunteerId, far.volunteerId), ids(ranked));
        assertEquals(List.of(1_000, 3_000, 5_000),
                ranked.stream().map(CandidateRanker.Ranked::distanceMetres).toList());
    }

    @Test
    void onlyActiveLocatedVolunteersWithTheSkillWithinReachWhoWereNotAskedBefore() {
        Candidate fits = candidate(4_000, true, "elder-care");
        Candidate withoutSkill = candidate(100, true, "tutoring");
        Candidate inactive = candidate(200, false, "elder-care");
        Candidate withoutLocation = candidate(0, true, "elder-care");
        withoutLocation.homeLatitude = null;
        withoutLocation.homeLongitude = null;
        Candidate askedBefore = candidate(300, true, "elder-care");
        Candidate tooFar = candidate(MAX_DISTANCE + 1_000, true, "elder-care");

        List<CandidateRanker.Ranked> ranked = CandidateRanker.best(NEED, "elder-care",
                List.of(fits, withoutSkill, inactive, withoutLocation, askedBefore, tooFar),
                Set.of(askedBefore.volunteerId), MAX_DISTANCE, 10);

        assertEquals(List.of(fits.volunteerId), ids(ranked));
    }

    @Test
    void exactlyAtTheMaximumDistanceStillCounts() {
        Candidate atTheEdge = candidate(MAX_DISTANCE, true, "first-aid");
        assertEquals(List.of(atTheEdge.volunteerId),
                ids(CandidateRanker.best(NEED, "first-aid", List.of(atTheEdge), Set.of(), MAX_DISTANCE, 1)));
    }

    @Test
    void theBestKAreReturnedForANeedOfKVolunteers() {
        Candidate first = candidate(100, true, "haircut");
        Candidate second = candidate(200, true, "haircut");
        Candidate third = candidate(300, true, "haircut");

        assertEquals(List.of(first.volunteerId, second.volunteerId),
                ids(CandidateRanker.best(NEED, "haircut", List.of(third, second, first), Set.of(), MAX_DISTANCE, 2)));
    }

    @Test
    void equalDistancesAreOrderedByVolunteerIdSoTheOrderIsStable() {
        Candidate one = candidate(500, true, "haircut");
        Candidate other = candidate(500, true, "haircut");
        List<UUID> expected = one.volunteerId.compareTo(other.volunteerId) < 0
                ? List.of(one.volunteerId, other.volunteerId) : List.of(other.volunteerId, one.volunteerId);

        for (List<Candidate> given : List.of(List.of(one, other), List.of(other, one))) {
            assertEquals(expected, ids(CandidateRanker.best(NEED, "haircut", given, Set.of(), MAX_DISTANCE, 2)));
        }
    }

    @Test
    void nobodyFitsGivesAnEmptyList() {
        assertTrue(CandidateRanker.best(NEED, "counselling", List.of(candidate(10, true, "haircut")), Set.of(),
                MAX_DISTANCE, 1).isEmpty());
    }
}
