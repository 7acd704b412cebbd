package org.linkage.matching.domain;

/**
 * How much each part counts; every part is between 0 and 1 before weighting.
 *
 * @param distanceHalfScoreMetres the distance at which the distance part is one half
 */
public record ScoringWeights(double distance, double skillLevel, double continuity, double fairness,
                             double reliability, int distanceHalfScoreMetres) {

    /** For emergencies: the nearest responder first, nothing else counts. */
    public static ScoringWeights nearestFirst(int distanceHalfScoreMetres) {
        return new ScoringWeights(1, 0, 0, 0, 0, distanceHalfScoreMetres);
    }
}
