package org.linkage.matching.domain;

/** A candidate's score and the weighted parts it is the sum of, so a social worker can see why. */
public record ScoreParts(double distance, double skillLevel, double continuity, double fairness, double reliability,
                         double total) {
}
