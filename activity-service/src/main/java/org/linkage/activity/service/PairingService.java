package org.linkage.activity.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.jboss.logging.Logger;
import org.linkage.activity.api.PairingActivationRequest;
import org.linkage.activity.api.PairingConsentRequest;
import org.linkage.activity.api.RePairingRequest;
import org.linkage.activity.api.ReasonRequest;
import org.linkage.activity.api.ReviewRequest;
import org.linkage.activity.config.PairingsConfig;
import org.linkage.activity.domain.Beneficiary;
import org.linkage.activity.domain.ConsentRelation;
import org.linkage.activity.domain.Pairing;
import org.linkage.activity.domain.PairingConsent;
import org.linkage.activity.domain.PairingReview;
import org.linkage.activity.domain.PairingSession;
import org.linkage.activity.domain.PairingStatus;
import org.linkage.activity.domain.PairingStatus.Action;
import org.linkage.activity.domain.SessionStatus;
import org.linkage.activity.repository.BeneficiaryRepository;
import org.linkage.activity.repository.PairingConsentRepository;
import org.linkage.activity.repository.PairingRepository;
import org.linkage.activity.repository.PairingReviewRepository;
import org.linkage.activity.repository.PairingSessionRepository;
import org.linkage.chassis.outbox.Outbox;
import org.linkage.chassis.problem.ProblemException;
import org.linkage.chassis.time.DatabaseClock;
import org.linkage.chassis.time.DistrictConfig;
import org.linkage.events.EventEnvelope;
import org.linkage.events.pairing.PairingAccepted;
import org.linkage.events.pairing.PairingActivated;
import org.linkage.events.pairing.PairingConfirmed;
import org.linkage.events.pairing.PairingConsentRecorded;
import org.linkage.events.pairing.PairingConsentRevoked;
import org.linkage.events.pairing.PairingEnded;
import org.linkage.events.pairing.PairingPaused;
import org.linkage.events.pairing.PairingProposed;
import org.linkage.events.pairing.PairingResumed;
import org.linkage.events.pairing.PairingReviewed;
import org.linkage.events.pairing.PairingSessionCancelled;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The lifecycle of one-to-one pairings, owned here where the beneficiary's record lives: each step is checked against
 * {@link PairingStatus}, changes the pairing and publishes its event in one transaction. Who may act is checked by
 * the resource through {@link Access}; the rules of the step are checked here.
 */
@ApplicationScoped
public class PairingService {

    private static final Logger LOG = Logger.getLogger(PairingService.class);

    private final PairingRepository pairings;
    private final PairingConsentRepository consents;
    private final PairingSessionRepository sessions;
    private final BeneficiaryRepository beneficiaries;
    private final Outbox outbox;
    private final DistrictConfig district;
    private final PairingsConfig config;
    private final Instance<VolunteerStandings> standings;
    private final PairingReviewRepository reviews;

    PairingService(PairingRepository pairings, PairingConsentRepository consents, PairingSessionRepository sessions,
                   BeneficiaryRepository beneficiaries, Outbox outbox, DistrictConfig district,
                   PairingsConfig config, Instance<VolunteerStandings> standings, PairingReviewRepository reviews) {
        this.reviews = reviews;
        this.standings = standings;
        this.pairings = pairings;
        this.consents = consents;
        this.sessions = sessions;
        this.beneficiaries = beneficiaries;
        this.outbox = outbox;
        this.district = district;
        this.config = config;
    }

    /**
     * Records matching's proposal as a PROPOSED pairing, once (a redelivered or repeated proposal changes nothing).
     * A proposal for a beneficiary this service does not know is ignored.
     */
    @Transactional
    public void proposed(PairingProposed event, EventEnvelope envelope) {
        if (pairings.findByIdOptional(event.pairingId()).isPresent()) {
            return;
        }
        Optional<Beneficiary> beneficiary = beneficiaries.findByIdOptional(event.beneficiaryRef());
        if (beneficiary.isEmpty()) {
            LOG.warnf("Pairing %s proposed for unknown beneficiary %s: ignored", event.pairingId(),
                    event.beneficiaryRef());
            return;
        }
        Pairing pairing = new Pairing();
        pairing.id = event.pairingId();
        pairing.proposalId = event.proposalId();
        pairing.beneficiaryId = event.beneficiaryRef();
        pairing.volunteerId = event.volunteerId();
        pairing.community = beneficiary.get().community;
        pairing.category = event.category();
        pairing.requiredSkill = event.requiredSkill();
        pairing.score = event.score();
        pairing.reasons = new ArrayList<>(Objects.requireNonNullElse(event.reasons(), List.of()));
        pairing.proposedBy = event.requestedBy();
        pairing.proposedAt = Objects.requireNonNullElse(envelope.occurredAt(), DatabaseClock.now());
        pairing.status = PairingStatus.PROPOSED;
        pairings.persist(pairing);
    }

    public Pairing require(UUID id) {
        return pairings.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Pairing", id));
    }

    public Beneficiary beneficiaryOf(Pairing pairing) {
        return beneficiaries.findById(pairing.beneficiaryId);
    }

    public List<PairingConsent> consentsOf(UUID pairingId) {
        return consents.of(pairingId);
    }

    public List<Pairing> ofBeneficiary(UUID beneficiaryId) {
        return pairings.ofBeneficiary(beneficiaryId);
    }

    public List<Pairing> ofVolunteer(UUID volunteerId, boolean withEnded) {
        return pairings.ofVolunteer(volunteerId, withEnded);
    }

    /** The responsible social worker confirms matching's proposal. */
    @Transactional
    public Pairing confirm(UUID id, String confirmedBy) {
        Pairing pairing = locked(id);
        move(pairing, Action.CONFIRM, "confirmed");
        pairing.confirmedBy = confirmedBy;
        pairing.confirmedAt = DatabaseClock.now();
        outbox.publish(PairingConfirmed.of(pairing.id, pairing.beneficiaryId, pairing.volunteerId, confirmedBy));
        return pairing;
    }

    /**
     * Records the consent to this pairing. A minor's (under 18) must come from the guardian on the child's record;
     * an adult may consent themselves.
     *
     * @throws ProblemException 422 naming relation or givenBy; 409 when the pairing is not CONFIRMED
     */
    @Transactional
    public Pairing recordConsent(UUID id, @Valid @NotNull PairingConsentRequest request, String recordedBy) {
        Pairing pairing = locked(id);
        Beneficiary beneficiary = beneficiaryOf(pairing);
        if (beneficiary.isUnder(Beneficiary.AGE_OF_MAJORITY, district.today())) {
            if (request.relation() != ConsentRelation.GUARDIAN) {
                throw ProblemException.unprocessable("relation", "must be GUARDIAN: a minor cannot consent to a "
                        + "pairing");
            }
            if (beneficiary.guardian == null) {
                throw ProblemException.unprocessable("givenBy", "the child has no guardian on record: record the "
                        + "guardian first");
            }
            if (!beneficiary.guardian.name.equals(request.givenBy().strip())) {
                throw ProblemException.unprocessable("givenBy", "is not the child's guardian on record");
            }
        }
        move(pairing, Action.RECORD_CONSENT, "given a consent");
        PairingConsent consent = new PairingConsent();
        consent.id = UUID.randomUUID();
        consent.pairingId = pairing.id;
        consent.givenBy = request.givenBy().strip();
        consent.relation = request.relation();
        consent.method = request.method();
        consent.givenAt = request.givenAt();
        consent.recordedBy = recordedBy;
        consent.recordedAt = DatabaseClock.now();
        consents.persist(consent);
        outbox.publish(PairingConsentRecorded.of(pairing.id, consent.id, consent.relation.name(),
                consent.method.name(), consent.givenAt, recordedBy));
        return pairing;
    }

    /**
     * Revokes the consent in force: the sessions still to come are cancelled and the pairing ends; a new consent
     * means a new pairing.
     */
    @Transactional
    public Pairing revokeConsent(UUID id, @Valid @NotNull ReasonRequest request, String revokedBy) {
        Pairing pairing = locked(id);
        PairingConsent consent = consents.inForce(id)
                .orElseThrow(() -> ProblemException.conflict("Pairing " + id + " holds no consent in force"));
        requireAllowed(pairing, Action.REVOKE_CONSENT, "have its consent revoked");
        Instant now = DatabaseClock.now();
        consent.revokedAt = now;
        consent.revokedBy = revokedBy;
        consent.revocationReason = request.reason().strip();
        outbox.publish(PairingConsentRevoked.of(pairing.id, consent.id, now, revokedBy));
        end(pairing, "consent revoked: " + consent.revocationReason, revokedBy, null, now);
        return pairing;
    }

    /**
     * The volunteer accepts the pairing once it is confirmed and consented.
     *
     * @throws ProblemException 422 on consent while the consent is missing; 409 in any other state
     */
    @Transactional
    public Pairing accept(UUID id) {
        Pairing pairing = locked(id);
        requireConsentRecorded(pairing);
        requireAllowed(pairing, Action.ACCEPT, "accepted");
        requireTrusted(pairing, district.today());
        move(pairing, Action.ACCEPT, "accepted");
        pairing.acceptedAt = DatabaseClock.now();
        outbox.publish(PairingAccepted.of(pairing.id, pairing.volunteerId));
        return pairing;
    }

    /**
     * Starts the accepted pairing for a period, within the volunteer's limit of active pairings and while the
     * beneficiary has no other active pairing.
     */
    @Transactional
    public Pairing activate(UUID id, @Valid @NotNull PairingActivationRequest request, String activatedBy) {
        if (request.endsOn().isBefore(request.startsOn())) {
            throw ProblemException.invalid("endsOn", "must not be before startsOn");
        }
        if (request.endsOn().isBefore(district.today())) {
            throw ProblemException.invalid("endsOn", "must not be in the past");
        }
        Pairing pairing = locked(id);
        requireConsentRecorded(pairing);
        requireAllowed(pairing, Action.ACTIVATE, "activated");
        requireTrusted(pairing, request.startsOn().isAfter(district.today()) ? request.startsOn() : district.today());
        pairings.lockVolunteer(pairing.volunteerId);
        long active = pairings.countActiveOf(pairing.volunteerId);
        if (active >= config.maxActivePerVolunteer()) {
            throw ProblemException.unprocessable("volunteerId", "already holds " + active + " active pairing(s), "
                    + "the most one volunteer may (" + config.maxActivePerVolunteer() + ")");
        }
        pairings.activeOfBeneficiary(pairing.beneficiaryId).ifPresent(other -> {
            throw ProblemException.conflict("The beneficiary is already in active pairing " + other.id
                    + ": end it or re-pair it first");
        });
        move(pairing, Action.ACTIVATE, "activated");
        pairing.startsOn = request.startsOn();
        pairing.endsOn = request.endsOn();
        pairing.activatedBy = activatedBy;
        pairing.nextReviewOn = request.startsOn().plus(config.reviewEvery());
        pairing.activatedAt = DatabaseClock.now();
        pairings.flush();
        outbox.publish(PairingActivated.of(pairing.id, pairing.beneficiaryId, pairing.volunteerId, pairing.startsOn,
                pairing.endsOn, activatedBy));
        return pairing;
    }

    /** The periodic review of an active (or paused) pairing: its notes stay here, the next one is due then. */
    @Transactional
    public PairingReview review(UUID id, @Valid @NotNull ReviewRequest request, String reviewedBy) {
        Pairing pairing = locked(id);
        if (!PairingStatus.UNDER_WAY.contains(pairing.status)) {
            throw Problems.invalidTransition("Pairing " + id, pairing.status, "reviewed");
        }
        if (!request.nextReviewOn().isAfter(district.today())) {
            throw ProblemException.invalid("nextReviewOn", "must be after today");
        }
        PairingReview review = new PairingReview();
        review.id = UUID.randomUUID();
        review.pairingId = id;
        review.reviewedBy = reviewedBy;
        review.reviewedAt = DatabaseClock.now();
        review.notes = request.notes().strip();
        review.nextReviewOn = request.nextReviewOn();
        reviews.persist(review);
        pairing.nextReviewOn = review.nextReviewOn;
        outbox.publish(PairingReviewed.of(id, review.id, reviewedBy, review.nextReviewOn));
        return review;
    }

    public List<PairingReview> reviewsOf(UUID pairingId) {
        return reviews.of(pairingId);
    }

    /** Ends the pairing with a reason; its sessions still to come are cancelled. */
    @Transactional
    public Pairing end(UUID id, @Valid @NotNull ReasonRequest request, String endedBy) {
        Pairing pairing = locked(id);
        requireAllowed(pairing, Action.END, "ended");
        end(pairing, request.reason().strip(), endedBy, null, DatabaseClock.now());
        return pairing;
    }

    /**
     * Re-pairs the beneficiary with another volunteer: this pairing ends, naming its successor, and the successor
     * starts CONFIRMED by the same responsible social worker (it still needs its own consent and acceptance).
     */
    @Transactional
    public Pairing rePair(UUID id, @Valid @NotNull RePairingRequest request, String confirmedBy) {
        Pairing pairing = locked(id);
        requireAllowed(pairing, Action.END, "re-paired");
        if (request.volunteerId().equals(pairing.volunteerId)) {
            throw ProblemException.invalid("volunteerId", "is the volunteer of this pairing already");
        }
        Instant now = DatabaseClock.now();
        Pairing successor = new Pairing();
        successor.id = UUID.randomUUID();
        successor.proposalId = pairing.proposalId;
        successor.beneficiaryId = pairing.beneficiaryId;
        successor.volunteerId = request.volunteerId();
        successor.community = pairing.community;
        successor.category = pairing.category;
        successor.requiredSkill = pairing.requiredSkill;
        successor.proposedBy = confirmedBy;
        successor.proposedAt = now;
        successor.status = PairingStatus.CONFIRMED;
        successor.confirmedBy = confirmedBy;
        successor.confirmedAt = now;
        successor.previousPairingId = pairing.id;
        end(pairing, "re-paired: " + request.reason().strip(), confirmedBy, successor.id, now);
        pairings.persist(successor);
        outbox.publish(PairingConfirmed.of(successor.id, successor.beneficiaryId, successor.volunteerId,
                confirmedBy));
        return successor;
    }

    /**
     * The volunteer is no longer active (suspended, deactivated, back to pending): their active pairings pause, and
     * PairingPaused tells the responsible social worker. Runs in the consumer's transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void pauseAll(UUID volunteerId) {
        for (Pairing pairing : pairings.ofVolunteerIn(volunteerId, PairingStatus.ACTIVE)) {
            Pairing held = locked(pairing.id);
            move(held, Action.PAUSE, "paused");
            outbox.publish(PairingPaused.of(held.id, held.beneficiaryId, held.volunteerId,
                    responsibleWorker(held), "the volunteer is no longer active"));
        }
    }

    /** Who answers for the child: the worker named on their record, else the one who confirmed the pairing. */
    private String responsibleWorker(Pairing pairing) {
        String named = beneficiaries.findById(pairing.beneficiaryId).socialWorkerId;
        return named != null ? named : pairing.confirmedBy;
    }

    /** The volunteer is active again: their paused pairings are active again. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void resumeAll(UUID volunteerId) {
        for (Pairing pairing : pairings.ofVolunteerIn(volunteerId, PairingStatus.PAUSED)) {
            Pairing held = locked(pairing.id);
            move(held, Action.RESUME, "resumed");
            outbox.publish(PairingResumed.of(held.id, held.beneficiaryId, held.volunteerId));
        }
    }

    /** The volunteer's personal data was erased everywhere: their pairing ends (the row keeps only the id). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void endForVolunteerErased(UUID id) {
        Pairing pairing = locked(id);
        if (pairing.status != PairingStatus.ENDED) {
            end(pairing, "the volunteer was erased", "system", null, DatabaseClock.now());
        }
    }

    /** Children's work (a child's or a minor's pairing) needs an active volunteer with a valid background check. */
    public boolean isChildWork(Pairing pairing) {
        return beneficiaryOf(pairing).isProtectedChild(district.today());
    }

    private void end(Pairing pairing, String reason, String endedBy, UUID succeededBy, Instant now) {
        for (PairingSession session : sessions.scheduled(pairing.id)) {
            session.status = SessionStatus.CANCELLED;
            session.cancelReason = "pairing ended: " + reason;
            outbox.publish(PairingSessionCancelled.of(pairing.id, session.id, pairing.volunteerId,
                    session.cancelReason));
        }
        pairing.status = PairingStatus.ENDED;
        pairing.endedAt = now;
        pairing.endedBy = endedBy;
        pairing.endReason = reason;
        pairing.succeededBy = succeededBy;
        pairings.flush();
        outbox.publish(PairingEnded.of(pairing.id, pairing.beneficiaryId, pairing.volunteerId, reason, endedBy,
                succeededBy));
    }

    /** For children's work: an active volunteer with a background check valid on the day (422 on volunteerId). */
    public void requireTrusted(Pairing pairing, LocalDate day) {
        if (isChildWork(pairing)) {
            standings.get().requireTrustedWithChildren(pairing.volunteerId, day);
        }
    }

    private void requireConsentRecorded(Pairing pairing) {
        if (pairing.status.awaitsConsent()) {
            throw ProblemException.unprocessable("consent", "the consent to pairing " + pairing.id
                    + " is missing: it is " + pairing.status);
        }
    }

    private static void requireAllowed(Pairing pairing, Action action, String what) {
        if (pairing.status.after(action) == null) {
            throw Problems.invalidTransition("Pairing " + pairing.id, pairing.status, what);
        }
    }

    private static void move(Pairing pairing, Action action, String what) {
        requireAllowed(pairing, action, what);
        pairing.status = pairing.status.after(action);
    }

    /** The pairing, locked for the rest of the transaction: two steps on one pairing go one after the other. */
    public Pairing locked(UUID id) {
        return pairings.findByIdOptional(id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ProblemException.notFound("Pairing", id));
    }
}
