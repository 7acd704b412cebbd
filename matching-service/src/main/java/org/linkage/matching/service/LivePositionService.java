package org.linkage.matching.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.linkage.chassis.problem.ProblemException;
import org.linkage.chassis.ratelimit.TooManyRequests;
import org.linkage.matching.api.LivePositionPing;
import org.linkage.matching.domain.Candidate;
import org.linkage.matching.domain.LivePositions;
import org.linkage.matching.repository.CandidateRepository;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Takes responders' position pings into this replica's memory ({@link LivePositions}). An accepted ping reads and
 * replaces one map entry: no database row, no event. Only a refused ping is explained from the database.
 */
@ApplicationScoped
public class LivePositionService {

    private final CandidateIndex index;
    private final CandidateRepository candidates;
    private final LivePositionSharing sharing;

    LivePositionService(CandidateIndex index, CandidateRepository candidates, LivePositionSharing sharing) {
        this.index = index;
        this.sharing = sharing;
        this.candidates = candidates;
    }

    /**
     * Takes a ping in memory only, so that it can be answered on the I/O thread.
     *
     * @return the position held now; empty when the volunteer is not on this replica's roster, which
     *         {@link #whyNotTracked} explains from the database
     * @throws ProblemException 422 outside the district, not accurate enough, in the future or stale; 429 sooner
     *                          than the minimum interval
     */
    public Optional<LivePositions.Fix> ping(UUID volunteerId, @Valid @NotNull LivePositionPing ping) {
        LivePositions live = index.live();
        LivePositions.Rules rules = live.rules();
        long now = System.currentTimeMillis();
        LivePositions.Outcome outcome = live.ping(volunteerId, ping.position().toGeoPoint(), ping.accuracyMetres(),
                ping.recordedAt().toEpochMilli(), now);
        return switch (outcome) {
            case ACCEPTED, NOT_NEWER -> Optional.of(live.current(volunteerId, now).orElseThrow(() ->
                    ProblemException.unprocessable("recordedAt", "is older than the position held, which no "
                            + "longer counts")));
            case NOT_ON_ROSTER -> Optional.empty();
            case OUTSIDE_DISTRICT -> throw ProblemException.unprocessable("position",
                    "is outside the district where positions are taken");
            case NOT_ACCURATE_ENOUGH -> throw ProblemException.unprocessable("accuracyMetres",
                    "is worse than the limit of " + rules.maxAccuracyMetres() + " m");
            case IN_THE_FUTURE -> throw ProblemException.unprocessable("recordedAt",
                    "is in the future (more than " + rules.maxClockSkew().toSeconds() + " s ahead)");
            case STALE -> throw ProblemException.unprocessable("recordedAt",
                    "is stale: older than " + rules.maxAge().toSeconds() + " s");
            case THROTTLED -> throw new TooManyRequests("One position per " + rules.minInterval().toSeconds()
                    + " s: the next is taken from " + Instant.ofEpochMilli(live.nextPingAfter(volunteerId)),
                    (live.nextPingAfter(volunteerId) - now + 999) / 1000);
        };
    }

    public Optional<LivePositions.Fix> current(UUID volunteerId) {
        return index.live().current(volunteerId, System.currentTimeMillis());
    }

    /** Forgets the volunteer's position now, on every replica (they stop sharing before going off duty). */
    public void forget(UUID volunteerId) {
        index.live().forget(volunteerId);
        sharing.forgotten(volunteerId);
    }

    public Duration ttl() {
        return index.live().rules().ttl();
    }

    public Instant nextPingAfter(UUID volunteerId) {
        return Instant.ofEpochMilli(index.live().nextPingAfter(volunteerId));
    }

    /**
     * The rare path, blocking: the database says which condition is missing (409 off duty, without the consent, or
     * unknown to matching).
     */
    public ProblemException whyNotTracked(UUID volunteerId) {
        Optional<Candidate> known = QuarkusTransaction.requiringNew()
                .call(() -> candidates.findByIdOptional(volunteerId));
        if (known.isEmpty()) {
            return ProblemException.conflict("Matching has not heard of volunteer " + volunteerId + " yet",
                    "volunteerId", "is not known to matching yet");
        }
        Candidate candidate = known.get();
        if (!candidate.active || candidate.erasedAt != null) {
            return ProblemException.conflict("Volunteer " + volunteerId + " is not active", "active", "is false");
        }
        if (!candidate.onDuty) {
            return ProblemException.conflict("Positions are taken only while on duty", "onDuty",
                    "is false: switch on duty first (PUT /api/v1/volunteers/{id}/duty)");
        }
        if (!candidate.livePositionConsent) {
            return ProblemException.conflict("The volunteer has not consented to share their live position",
                    "livePositionConsent", "is not given (PUT /api/v1/volunteers/{id}/live-position-consent)");
        }
        return ProblemException.conflict("Matching is taking in the volunteer's latest change; try again in a "
                + "second", "onDuty", "is being taken in");
    }
}
