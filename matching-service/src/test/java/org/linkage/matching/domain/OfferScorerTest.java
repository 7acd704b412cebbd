package org.linkage.matching.domain;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OfferScorerTest {

    static final ScoringWeights WEIGHTS = new ScoringWeights(0.35, 0.15, 1.0, 0.25, 0.25, 2000);

    static VolunteerFacts facts(int recentOffers, int accepted, int notAccepted) {
        return new VolunteerFacts(recentOffers, accepted, notAccepted, List.of());
    }

    @Test
    void thePartsAreWeightedAndAddUpToTheTotal() {
        ScoreParts parts = OfferScorer.score(WEIGHTS, 2000, 3, false, facts(1, 3, 1));

        assertEquals(0.175, parts.distance(), 1e-9);
        assertEquals(0.075, parts.skillLevel(), 1e-9);
        assertEquals(0, parts.continuity(), 1e-9);
        assertEquals(0.125, parts.fairness(), 1e-9);
        assertEquals(0.1667, parts.reliability(), 1e-9);
        assertEquals(0.5417, parts.total(), 1e-9);
    }

    @Test
    void nearerHigherLevelFewerRecentOffersAndMoreAcceptancesEachScoreHigher() {
        double base = OfferScorer.score(WEIGHTS, 1000, 2, false, facts(2, 1, 1)).total();
        assertTrue(OfferScorer.score(WEIGHTS, 500, 2, false, facts(2, 1, 1)).total() > base);
        assertTrue(OfferScorer.score(WEIGHTS, 1000, 4, false, facts(2, 1, 1)).total() > base);
        assertTrue(OfferScorer.score(WEIGHTS, 1000, 2, false, facts(0, 1, 1)).total() > base);
        assertTrue(OfferScorer.score(WEIGHTS, 1000, 2, false, facts(2, 5, 1)).total() > base);
    }

    @Test
    void continuityOutweighsEverythingElse() {
        double servedBeforeButFarAndNew = OfferScorer.score(WEIGHTS, 19_000, 1, true, facts(9, 0, 9)).total();
        double bestOtherwise = OfferScorer.score(WEIGHTS, 0, 5, false, facts(0, 100, 0)).total();
        assertTrue(servedBeforeButFarAndNew > bestOtherwise, servedBeforeButFarAndNew + " " + bestOtherwise);
    }

    @Test
    void theBoundIsNeverBelowWhatACandidateAtThatDistanceOrFurtherScores() {
        for (int distance : new int[]{0, 100, 999, 5000, 20_000}) {
            for (int level = 1; level <= 5; level++) {
                double bound = OfferScorer.bestPossible(WEIGHTS, distance, level);
                for (int further : new int[]{distance, distance + 1, distance * 2 + 10}) {
                    for (int lower = 1; lower <= level; lower++) {
                        double score = OfferScorer.score(WEIGHTS, further, lower, false, facts(0, 50, 0)).total();
                        assertTrue(score <= bound, distance + " " + further + " " + lower);
                    }
                }
            }
        }
    }

    @Test
    void theNearestFirstWeightsRankByDistanceOnly() {
        ScoringWeights nearest = ScoringWeights.nearestFirst(2000);
        ScoreParts near = OfferScorer.score(nearest, 100, 1, false, facts(9, 0, 9));
        ScoreParts far = OfferScorer.score(nearest, 200, 5, true, facts(0, 9, 0));
        assertTrue(near.total() > far.total());
        assertEquals(far.distance(), far.total(), 1e-9);
    }
}
