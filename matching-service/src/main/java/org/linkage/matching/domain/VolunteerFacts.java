package org.linkage.matching.domain;

import java.time.Instant;
import java.util.List;

/**
 * What the volunteer's assignments say about them, read from the database for the few candidates the index found.
 *
 * @param recentOffers  needs offered (or assigned by hand) to them in the last 7 days; counts for fairness and
 *                      against the fatigue cap
 * @param accepted      offers they ever accepted
 * @param notAccepted   offers they ever declined or let expire
 * @param commitments   their accepted assignments around the need's time
 */
public record VolunteerFacts(int recentOffers, int accepted, int notAccepted, List<Commitment> commitments) {

    public static final VolunteerFacts NONE = new VolunteerFacts(0, 0, 0, List.of());

    public record Commitment(Instant start, Instant end, double hours) {
    }
}
