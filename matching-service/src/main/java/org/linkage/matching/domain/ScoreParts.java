package org.linkage.matching.domain;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A candidate's score and the weighted parts it is the sum of, so a social worker can see why. */
@Schema(description = "The weighted parts of the score and their total; null when assigned by hand",
        requiredProperties = {"distance", "skillLevel", "continuity", "fairness", "reliability", "total"})
public record ScoreParts(double distance, double skillLevel, double continuity, double fairness, double reliability,
                         double total) {
}
