package org.linkage.matching.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import org.linkage.chassis.idempotency.IdempotencyKeys;
import org.linkage.chassis.outbox.Outbox;
import org.linkage.chassis.problem.ProblemException;
import org.linkage.events.EventEnvelope;
import org.linkage.events.GeoPoint;
import org.linkage.events.pairing.PairingActivated;
import org.linkage.events.pairing.PairingEnded;
import org.linkage.events.pairing.PairingProposed;
import org.linkage.matching.api.PairingRequest;
import org.linkage.matching.config.MatchingConfig;
import org.linkage.matching.domain.CandidateSearch;
import org.linkage.matching.domain.HardConstraints;
import org.linkage.matching.domain.Hungarian;
import org.linkage.matching.domain.OfferReasons;
import org.linkage.matching.domain.PairedBeneficiary;
import org.linkage.matching.domain.OfferScorer;
import org.linkage.matching.domain.Pairing;
import org.linkage.matching.domain.PairingPair;
import org.linkage.matching.domain.Requirements;
import org.linkage.matching.domain.ScoreParts;
import org.linkage.matching.domain.ScoringWeights;
import org.linkage.matching.domain.VolunteerFacts;
import org.linkage.matching.domain.VolunteerProfile;
import org.linkage.matching.repository.AssignmentRepository;
import org.linkage.matching.repository.CandidateRepository;
import org.linkage.matching.repository.PairedBeneficiaryRepository;
import org.linkage.matching.repository.PairingRepository;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Proposes one-to-one pairings of a group of beneficiaries with a pool of volunteers: every pair meets the hard
 * constraints, and the total score is the largest possible (Hungarian algorithm). Approval sends the offers.
 */
@ApplicationScoped
public class PairingService {

    /** The certification every volunteer paired with a child must hold, valid on the first session's day. */
    public static final String BACKGROUND_CHECK = "background-check";
    private static final String CHILD = "CHILD";

    private final PairingRepository pairings;
    private final CandidateRepository candidates;
    private final AssignmentRepository assignments;
    private final CandidateIndex index;
    private final MatchingService matching;
    private final IdempotencyKeys idempotencyKeys;
    private final MatchingConfig config;
    private final Outbox outbox;
    private final PairedBeneficiaryRepository paired;

    PairingService(PairingRepository pairings, CandidateRepository candidates, AssignmentRepository assignments,
                   CandidateIndex index, MatchingService matching, IdempotencyKeys idempotencyKeys,
                   MatchingConfig config, Outbox outbox, PairedBeneficiaryRepository paired) {
        this.outbox = outbox;
        this.paired = paired;
        this.pairings = pairings;
        this.candidates = candidates;
        this.assignments = assignments;
        this.index = index;
        this.matching = matching;
        this.idempotencyKeys = idempotencyKeys;
        this.config = config;
    }

    public Optional<Pairing> find(UUID id) {
        return pairings.findByIdOptional(id);
    }

    /**
     * @throws ProblemException 400 when a beneficiary is listed twice, the session ends before it starts, or a
     *                          volunteer of the pool is unknown to matching
     */
    @Transactional
    public Pairing propose(@Valid PairingRequest request, String requestedBy, String community,
                           String idempotencyKey) {
        UUID id = idempotencyKeys.once("pairing:" + requestedBy, idempotencyKey, request,
                () -> create(request, requestedBy, community).id);
        return pairings.findById(id);
    }

    private Pairing create(PairingRequest request, String requestedBy, String community) {
        validate(request);
        Instant now = Instant.now();
        List<UUID> pool = List.copyOf(new LinkedHashSet<>(request.volunteerIds()));
        Map<UUID, VolunteerFacts> facts = assignments.facts(pool, now, request.firstSession().start(),
                request.firstSession().end());
        int capacity = config.pairing().beneficiariesPerVolunteer();
        ScoringWeights weights = matching.weights();
        List<PairingRequest.Beneficiary> group = request.beneficiaries();
        double[][] score = new double[group.size()][pool.size() * capacity];
        Fit[][] fits = new Fit[group.size()][pool.size()];
        for (int row = 0; row < group.size(); row++) {
            PairingRequest.Beneficiary beneficiary = group.get(row);
            Requirements requirements = requirements(request, beneficiary);
            Set<UUID> servedBefore = assignments.servedBefore(beneficiary.beneficiaryRef());
            for (int column = 0; column < pool.size(); column++) {
                UUID volunteerId = pool.get(column);
                fits[row][column] = fit(index.find(volunteerId).orElse(null), requirements,
                        facts.getOrDefault(volunteerId, VolunteerFacts.NONE), servedBefore.contains(volunteerId),
                        weights);
                for (int copy = 0; copy < capacity; copy++) {
                    score[row][column * capacity + copy] = fits[row][column] == null ? Double.NaN
                            : fits[row][column].score().total();
                }
            }
        }
        int[] chosen = Hungarian.maximise(score);

        Pairing pairing = new Pairing();
        pairing.id = UUID.randomUUID();
        pairing.requestedBy = requestedBy;
        pairing.community = community;
        pairing.category = request.category();
        pairing.windowStart = request.firstSession().start();
        pairing.windowEnd = request.firstSession().end();
        pairing.status = Pairing.Status.PROPOSED;
        pairing.createdAt = now;
        for (int row = 0; row < group.size(); row++) {
            PairingRequest.Beneficiary beneficiary = group.get(row);
            PairingPair pair = new PairingPair();
            pair.beneficiaryRef = beneficiary.beneficiaryRef();
            pair.requiredSkill = beneficiary.requiredSkill();
            GeoPoint location = beneficiary.location().toGeoPoint();
            pair.latitude = location.latitude();
            pair.longitude = location.longitude();
            pair.careCategory = beneficiary.careCategory();
            if (chosen[row] >= 0) {
                Fit fit = fits[row][chosen[row] / capacity];
                pair.volunteerId = pool.get(chosen[row] / capacity);
                pair.score = fit.score().total();
                pair.reasons = fit.reasons();
                pairing.totalScore += fit.score().total();
            }
            pairing.pairs.add(pair);
        }
        pairing.totalScore = Math.round(pairing.totalScore * 10_000) / 10_000.0;
        pairings.persist(pairing);
        return pairing;
    }

    /**
     * Proposes each pair to activity-service (PairingProposed, ids and reasons only), which owns the pairing from
     * then on: the child's responsible social worker confirms it, the guardian consents, the volunteer accepts.
     *
     * @throws ProblemException 409 when the pairing was approved already
     */
    @Transactional
    public Optional<Pairing> approve(UUID id) {
        return pairings.findByIdOptional(id).map(pairing -> {
            pairings.getEntityManager().lock(pairing, LockModeType.PESSIMISTIC_WRITE);
            if (pairing.status != Pairing.Status.PROPOSED) {
                throw ProblemException.conflict("Pairing " + id + " was approved already at " + pairing.approvedAt);
            }
            Instant now = Instant.now();
            for (PairingPair pair : pairing.pairs) {
                if (pair.volunteerId != null) {
                    pair.pairId = UUID.randomUUID();
                    outbox.publish(PairingProposed.of(pair.pairId, pairing.id, pair.beneficiaryRef, pair.volunteerId,
                            pairing.category, pair.requiredSkill, pairing.requestedBy, pair.score,
                            pair.reasons.constraintsMet()));
                }
            }
            pairing.status = Pairing.Status.APPROVED;
            pairing.approvedAt = now;
            return pairing;
        });
    }

    /**
     * From now on the beneficiary's needs go to the paired volunteer only. A later pairing of the same beneficiary
     * replaces an earlier one (activity-service ends one before it activates the next).
     */
    @Transactional
    public void activated(PairingActivated event, EventEnvelope envelope) {
        Optional<PairedBeneficiary> held = paired.findByIdOptional(event.beneficiaryRef());
        PairedBeneficiary row = held.orElseGet(PairedBeneficiary::new);
        row.beneficiaryRef = event.beneficiaryRef();
        row.pairingId = event.pairingId();
        row.volunteerId = event.volunteerId();
        row.activeSince = envelope.occurredAt() == null ? Instant.now() : envelope.occurredAt();
        if (held.isEmpty()) {
            paired.persist(row);
        }
    }

    /** The beneficiary's needs are offered to anyone again, unless a newer pairing took this one's place. */
    @Transactional
    public void ended(PairingEnded event) {
        paired.delete("pairingId", event.pairingId());
    }

    /** A volunteer who may be paired with a beneficiary, with the score and the reasons. */
    private record Fit(ScoreParts score, OfferReasons reasons) {
    }

    private Fit fit(VolunteerProfile volunteer, Requirements requirements, VolunteerFacts facts,
                                boolean servedBefore, ScoringWeights weights) {
        if (volunteer == null || !HardConstraints.staticFit(volunteer, requirements)
                || !HardConstraints.dynamicFit(volunteer, facts, requirements, config.weeklyOfferCap())) {
            return null;
        }
        int distance = CandidateSearch.distanceMetres(requirements.location(), volunteer.home());
        if (distance > requirements.radiusMetres()) {
            return null;
        }
        ScoreParts score = OfferScorer.score(weights, distance, volunteer.skillLevel(requirements.skill()),
                servedBefore, facts);
        return new Fit(score, new OfferReasons(HardConstraints.met(volunteer, facts, requirements, distance,
                config.weeklyOfferCap()), score));
    }

    private Requirements requirements(PairingRequest request, PairingRequest.Beneficiary beneficiary) {
        GeoPoint place = beneficiary.location().toGeoPoint();
        // Only volunteers with a background check in date are proposed for a child (activity-service checks again).
        List<String> certifications = CHILD.equals(beneficiary.careCategory()) ? List.of(BACKGROUND_CHECK) : List.of();
        return new Requirements(place, config.maxDistanceMetres(), beneficiary.requiredSkill(), certifications,
                List.of(),
                request.firstSession().start(), request.firstSession().end(),
                Duration.between(request.firstSession().start(), request.firstSession().end()).toMinutes() / 60.0,
                false);
    }

    private void validate(PairingRequest request) {
        if (request.firstSession().start() == null || request.firstSession().end() == null
                || !request.firstSession().start().isBefore(request.firstSession().end())) {
            throw ProblemException.invalid("firstSession", "must have a start before its end");
        }
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < request.beneficiaries().size(); i++) {
            if (!seen.add(request.beneficiaries().get(i).beneficiaryRef())) {
                throw ProblemException.invalid("beneficiaries[" + i + "].beneficiaryRef", "is listed twice");
            }
        }
        for (int i = 0; i < request.volunteerIds().size(); i++) {
            UUID volunteerId = request.volunteerIds().get(i);
            if (candidates.findByIdOptional(volunteerId).filter(c -> c.erasedAt == null).isEmpty()) {
                throw ProblemException.invalid("volunteerIds[" + i + "]", "matching knows no volunteer " + volunteerId);
            }
        }
    }
}
