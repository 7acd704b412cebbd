package org.linkage.matching.domain;

/** Scores a candidate who meets every hard constraint; the higher, the sooner they are offered the need. */
public final class OfferScorer {

    public static ScoreParts score(ScoringWeights weights, int distanceMetres, int skillLevel, boolean servedBefore,
                                   VolunteerFacts facts) {
        double distance = weights.distance() * closeness(weights, distanceMetres);
        double level = weights.skillLevel() * (Math.max(1, Math.min(5, skillLevel)) - 1) / 4.0;
        double continuity = servedBefore ? weights.continuity() : 0;
        // Fewer recent offers rank higher, so the work is shared rather than always landing on the nearest.
        double fairness = weights.fairness() / (1.0 + facts.recentOffers());
        // Laplace's rule: a newcomer counts as one in two, and history moves it from there.
        double reliability = weights.reliability() * (facts.accepted() + 1.0)
                / (facts.accepted() + facts.notAccepted() + 2.0);
        return new ScoreParts(round(distance), round(level), round(continuity), round(fairness), round(reliability),
                round(distance + level + continuity + fairness + reliability));
    }

    /**
     * The most a candidate who did not serve the beneficiary before can score at that distance or further, with
     * that skill level or lower; the search skips whoever cannot beat the candidates it holds.
     */
    public static double bestPossible(ScoringWeights weights, double distanceMetres, int skillLevel) {
        // Rounded as the scores are, so that nobody it rules out could tie with the k held.
        return round(weights.distance() * closeness(weights, distanceMetres)
                + weights.skillLevel() * (Math.max(1, Math.min(5, skillLevel)) - 1) / 4.0
                + weights.fairness() + weights.reliability());
    }

    private static double closeness(ScoringWeights weights, double distanceMetres) {
        return 1.0 / (1.0 + Math.max(0, distanceMetres) / weights.distanceHalfScoreMetres());
    }

    // Four decimals keep the stored explanation readable; ranking compares the rounded totals too.
    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }

    private OfferScorer() {
    }
}
