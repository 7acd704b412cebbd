package org.linkage.matching.service;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import org.jboss.logging.Logger;
import org.linkage.chassis.i18n.Language;
import org.linkage.chassis.i18n.Messages;
import org.linkage.chassis.idempotency.IdempotencyKeys;
import org.linkage.chassis.outbox.Outbox;
import org.linkage.chassis.problem.ProblemException;
import org.linkage.chassis.web.Page;
import org.linkage.events.EventEnvelope;
import org.linkage.events.assignment.AssignmentWithdrawn.Withdrawer;
import org.linkage.events.assignment.NeedUnmatched;
import org.linkage.events.need.NeedCancelled;
import org.linkage.events.need.NeedRaised;
import org.linkage.events.need.Urgency;
import org.linkage.matching.api.AssignByHandRequest;
import org.linkage.matching.api.DeclineRequest;
import org.linkage.matching.config.MatchingConfig;
import org.linkage.matching.domain.Assignment;
import org.linkage.matching.domain.AssignmentStateMachine.Trigger;
import org.linkage.matching.domain.AssignmentStateMachine;
import org.linkage.matching.domain.AssignmentStatus;
import org.linkage.matching.domain.Candidate;
import org.linkage.matching.domain.CandidateSearch;
import org.linkage.matching.domain.HardConstraints;
import org.linkage.matching.domain.LivePositions;
import org.linkage.matching.domain.Need;
import org.linkage.matching.domain.OfferReasons;
import org.linkage.matching.domain.Requirements;
import org.linkage.matching.domain.ScoringWeights;
import org.linkage.matching.domain.SearchRadius;
import org.linkage.matching.domain.VolunteerFacts;
import org.linkage.matching.domain.VolunteerProfile;
import org.linkage.matching.mapping.AssignmentMapper;
import org.linkage.matching.mapping.NeedMapper;
import org.linkage.matching.repository.AssignmentRepository;
import org.linkage.matching.repository.CandidateRepository;
import org.linkage.matching.repository.NeedRepository;
import org.linkage.matching.repository.PairedBeneficiaryRepository;
import org.linkage.matching.repository.VolunteerProfiles;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Offers needs to the best fitting volunteers and records their answers.
 *
 * <p>Every change to a need's assignments first locks the need's row, so that what one transaction decides from
 * the need's assignments (places left, the first accept of an emergency) is not decided again by another at the
 * same time; the timer job takes the same locks without waiting ({@code SKIP LOCKED}).
 */
@ApplicationScoped
public class MatchingService {

    private static final Messages UNMATCHED = Messages.get();

    private static final Logger LOG = Logger.getLogger(MatchingService.class);
    /** PostgreSQL's SQLSTATE for a row an exclusion constraint refuses: here, a double booking. */
    private static final String EXCLUSION_VIOLATION = "23P01";
    /** NeedRaised's care category of a child's need. */
    private static final String CHILD = "CHILD";

    private final NeedRepository needs;
    private final CandidateRepository candidates;
    private final AssignmentRepository assignments;
    private final Outbox outbox;
    private final IdempotencyKeys idempotencyKeys;
    private final MatchingConfig config;
    private final CandidateIndex index;
    private final MeterRegistry metrics;
    private final PairedBeneficiaryRepository paired;
    private final VolunteerProfiles profiles;

    MatchingService(NeedRepository needs, CandidateRepository candidates, AssignmentRepository assignments,
                    Outbox outbox, IdempotencyKeys idempotencyKeys, MatchingConfig config, CandidateIndex index,
                    MeterRegistry metrics, PairedBeneficiaryRepository paired, VolunteerProfiles profiles) {
        this.paired = paired;
        this.profiles = profiles;
        this.needs = needs;
        this.candidates = candidates;
        this.assignments = assignments;
        this.outbox = outbox;
        this.idempotencyKeys = idempotencyKeys;
        this.config = config;
        this.index = index;
        this.metrics = metrics;
    }

    /**
     * Stores the need and offers it: an emergency to the nearest on-duty responders, others to the best fits.
     * A routine or urgent need also gets its deadline timer.
     *
     * <p>The need is ranked before it is stored: the ranking's first read of the candidates' facts also says whether
     * the need is stored already (raised again under a new event id), rather than a lookup first. Offered to all it
     * asks for, the need, its offers and their events are then stored in one statement. So an emergency's critical
     * path is four round trips to PostgreSQL (the event's claim, the facts, that statement, the commit), not seven.
     */
    @Transactional
    public void needRaised(NeedRaised event, EventEnvelope envelope) {
        Instant now = Instant.now();
        Need need = NeedMapper.fromRaised(event, Objects.requireNonNullElse(envelope.occurredAt(), now));
        boolean emergency = need.urgency == Urgency.EMERGENCY;
        if (emergency) {
            need.searchRadiusMetres = config.emergency().radiusMetres();
            need.widenAt = now.plus(config.emergency().widenAfter());
        } else {
            need.escalateAt = need.matchBy().minus(config.escalateBefore());
        }
        NewNeedFacts facts = new NewNeedFacts(need, now);
        // Nothing was offered yet: no query for its assignments.
        Ranking ranking = rank(need, List.of(), emergency ? config.emergency().responders() : need.volunteersNeeded,
                now, facts);
        if (facts.needStored()) {
            LOG.infof("Need %s is already known; NeedRaised ignored", event.needId());
            return;
        }
        int found = ranking.matches().size();
        if (found > 0 && (emergency || found == need.volunteersNeeded)) {
            // The usual case: nothing more to change on the need.
            storeWithOffers(need, ranking, now);
            return;
        }
        needs.persist(need);
        offer(need, ranking, 0, now);
        if (emergency) {
            widen(need, now);
        } else {
            unmatched(need, UNMATCHED.text("unmatched.none", Language.ZH_CN, need.requiredSkill, radius(need), found,
                    need.volunteersNeeded), found, now);
        }
    }

    /**
     * The candidates' facts for a need not stored yet. The first read also finds out whether it is stored after all;
     * with no candidates to read, the need is looked up alone.
     */
    private final class NewNeedFacts implements CandidateSearch.FactsSource {

        private final Need need;
        private final Instant now;
        private Boolean stored;

        NewNeedFacts(Need need, Instant now) {
            this.need = need;
            this.now = now;
        }

        @Override
        public Map<UUID, VolunteerFacts> apply(Collection<UUID> volunteerIds) {
            if (stored != null) {
                return assignments.facts(volunteerIds, now, need.windowStart, need.windowEnd);
            }
            AssignmentRepository.FactsRead read = assignments.factsAndWhetherStored(need.id, volunteerIds, now,
                    need.windowStart, need.windowEnd);
            stored = read.needStored();
            return read.facts();
        }

        boolean needStored() {
            if (stored == null) {
                stored = needs.findByIdOptional(need.id).isPresent();
            }
            return stored;
        }
    }

    /**
     * Withdraws the need's open offers and releases its accepted assignments, so that their volunteers are free at
     * that time again. Both publish AssignmentWithdrawn: a volunteer who accepted must hear that they need not go.
     */
    @Transactional
    public void needCancelled(NeedCancelled event) {
        Optional<Need> found = needs.findByIdOptional(event.needId());
        if (found.isEmpty() || found.get().cancelledAt != null) {
            LOG.infof("Need %s is unknown or cancelled already; NeedCancelled ignored", event.needId());
            return;
        }
        Need need = found.get();
        lock(need);
        need.cancelledAt = Instant.now();
        need.escalateAt = null;
        need.widenAt = null;
        for (Assignment assignment : assignments.forNeed(need.id)) {
            if (assignment.status.open()) {
                move(assignment, Trigger.WITHDRAW, null);
                outbox.publish(AssignmentMapper.toWithdrawn(assignment, Withdrawer.STAFF));
            } else if (assignment.status == AssignmentStatus.ACCEPTED) {
                move(assignment, Trigger.RELEASE, null);
                outbox.publish(AssignmentMapper.toWithdrawn(assignment, Withdrawer.STAFF));
            }
        }
    }

    public Optional<Assignment> find(UUID id) {
        return assignments.findByIdOptional(id);
    }

    public Optional<Need> findNeed(UUID id) {
        return needs.findByIdOptional(id);
    }

    public Page<Assignment> list(AssignmentRepository.Filter filter, int page, int size) {
        return Page.of(assignments.search(filter, page, size), page, size, assignments.count(filter));
    }

    /**
     * Once the need has all its volunteers, its other open offers are stood down.
     *
     * @throws ProblemException 409 when the assignment is not (or no longer) an open offer, or when the volunteer
     *                          already holds an accepted assignment overlapping this one
     */
    @Transactional
    public Optional<Assignment> accept(UUID id) {
        return assignments.findByIdOptional(id).map(assignment -> {
            lock(assignment.need);
            move(assignment, Trigger.ACCEPT, null);
            accepted(assignment);
            return assignment;
        });
    }

    /**
     * Records the decline and offers the need to the next best candidate not asked yet.
     *
     * @throws ProblemException 409 when the assignment is not (or no longer) an open offer
     */
    @Transactional
    public Optional<Assignment> decline(UUID id, @Valid DeclineRequest request) {
        return assignments.findByIdOptional(id).map(assignment -> {
            lock(assignment.need);
            move(assignment, Trigger.DECLINE, request == null ? null : request.reason());
            outbox.publish(AssignmentMapper.toDeclined(assignment));
            offerInstead(assignment.need, Instant.now());
            return assignment;
        });
    }

    /**
     * Takes an open offer back: staff an offer (or a volunteer's own), the volunteer their own offer. The need is not
     * offered to anyone else: the social worker is steering it. AssignmentWithdrawn says who, so that the other side
     * is told.
     *
     * @throws ProblemException 409 when the assignment is not (or no longer) an open offer
     */
    @Transactional
    public Optional<Assignment> withdraw(UUID id, Withdrawer by) {
        return assignments.findByIdOptional(id).map(assignment -> {
            lock(assignment.need);
            move(assignment, Trigger.WITHDRAW, null);
            outbox.publish(AssignmentMapper.toWithdrawn(assignment, by));
            return assignment;
        });
    }

    /**
     * The volunteer offers themselves for an open need; the need's social worker confirms or refuses. Refused
     * (and nothing stored or published) unless the need is open to them and they fit it.
     *
     * @throws ProblemException 404 for a need or volunteer matching does not know; 403 for a child's need the
     *                          volunteer is neither paired with nor served before; 409 when the need is not open
     *                          (cancelled, an emergency, begun, filled, paired with another volunteer), the volunteer
     *                          was offered it already, is not active, lacks what it requires or is committed then
     */
    @Transactional
    public Assignment offerSelf(UUID needId, UUID volunteerId, String idempotencyKey) {
        UUID id = idempotencyKeys.once("volunteer-offer:" + needId + ":" + volunteerId, idempotencyKey,
                volunteerId, () -> createSelfOffer(needId, volunteerId).id);
        return assignments.findById(id);
    }

    private Assignment createSelfOffer(UUID needId, UUID volunteerId) {
        Need need = needs.findByIdOptional(needId).orElseThrow(() -> ProblemException.notFound("Need", needId));
        Candidate volunteer = candidates.findByIdOptional(volunteerId)
                .orElseThrow(() -> ProblemException.notFound("Volunteer", volunteerId));
        lock(need);
        Optional<UUID> pairedVolunteer = paired.volunteerOf(need.beneficiaryRef);
        if (CHILD.equals(need.careCategory) && !pairedVolunteer.map(volunteerId::equals).orElse(false)
                && !assignments.servedBefore(need.beneficiaryRef).contains(volunteerId)) {
            throw ProblemException.forbidden("A child's need is only for the volunteer paired with the child or "
                    + "who served the child before");
        }
        Instant now = Instant.now();
        List<Assignment> before = assignments.forNeed(needId);
        requireOpen(need, before, now);
        if (pairedVolunteer.isPresent() && !pairedVolunteer.get().equals(volunteerId)) {
            throw ProblemException.conflict("Need " + needId + " is for a beneficiary paired with another volunteer",
                    "needId", "is for a beneficiary paired with another volunteer");
        }
        before.stream().filter(assignment -> assignment.volunteerId.equals(volunteerId)).findFirst()
                .ifPresent(earlier -> {
                    throw ProblemException.conflict("Volunteer " + volunteerId + " was offered need " + needId
                            + " already (" + earlier.status + ")", "volunteerId", "was offered this need already");
                });
        VolunteerProfile profile = profiles.one(volunteerId).filter(found -> volunteer.active)
                .orElseThrow(() -> ProblemException.conflict("Volunteer " + volunteerId + " is not active",
                        "volunteerId", "is not active"));
        Requirements requirements = requirements(need, radius(need), false);
        if (!requirements.admitsGroup(profile.groupType())) {
            throw ProblemException.conflict("Volunteer " + volunteerId + " is not in the volunteer groups need "
                    + needId + " is open to", "volunteerGroups", "the volunteer is not in one of these groups");
        }
        String lacking = HardConstraints.lacking(profile, requirements);
        if (lacking != null) {
            // The skill is checked first, then the certifications, then the courses.
            String field = profile.skillLevel(need.requiredSkill) == 0 ? "requiredSkill"
                    : need.requiredCertifications.contains(lacking) ? "requiredCertifications" : "requiredTraining";
            throw ProblemException.conflict("Volunteer " + volunteerId + " lacks " + lacking + ", which need "
                    + needId + " requires", field, "the volunteer lacks " + lacking);
        }
        var facts = assignments.facts(List.of(volunteerId), now, need.windowStart, need.windowEnd).get(volunteerId);
        if (facts != null && HardConstraints.committedDuring(facts, requirements)) {
            throw ProblemException.conflict("Volunteer " + volunteerId + " already holds an accepted assignment "
                    + "overlapping " + need.windowStart + " – " + need.windowEnd, "volunteerId",
                    "holds an accepted assignment overlapping the need");
        }
        Integer distance = volunteer.homeLocation() == null ? null
                : CandidateSearch.distanceMetres(need.location(), volunteer.homeLocation());
        Assignment assignment = newAssignment(need, volunteerId, distance, before.size() + 1, now);
        assignment.status = AssignmentStatus.PROPOSED_BY_VOLUNTEER;
        // The social worker answers; unconfirmed at the start it is of no use to anyone, and the timer expires it.
        assignment.expiresAt = need.windowStart;
        assignment.reasons = new OfferReasons(List.of("offered themselves", "active",
                "skill " + need.requiredSkill + " at level " + profile.skillLevel(need.requiredSkill),
                "every required certification and course in date", "no overlapping accepted assignment"), null);
        assignments.persist(assignment);
        outbox.publish(AssignmentMapper.toProposed(assignment));
        return assignment;
    }

    /**
     * A need a volunteer may offer themselves for, and be confirmed for: not cancelled, no emergency, not begun, not
     * filled.
     */
    private static void requireOpen(Need need, List<Assignment> assignmentsOfIt, Instant now) {
        String closed = need.cancelledAt != null ? "was cancelled"
                : need.urgency == Urgency.EMERGENCY ? "is an emergency, offered to the nearest on-duty responders"
                : !need.windowStart.isAfter(now) ? "has begun"
                : count(assignmentsOfIt, AssignmentStatus.ACCEPTED) >= need.volunteersNeeded
                ? "has all the " + need.volunteersNeeded + " volunteers it asked for" : null;
        if (closed != null) {
            throw ProblemException.conflict("Need " + need.id + " " + closed, "needId", closed);
        }
    }

    /**
     * The social worker takes up a volunteer's own offer: accepted as an accepted offer is (no double booking; once
     * the need has all its volunteers, its other open offers are stood down).
     *
     * @throws ProblemException 409 when it is not (or no longer) a volunteer's open offer, the need was cancelled,
     *                          has begun or has all its volunteers, or the volunteer meanwhile holds an accepted
     *                          assignment overlapping it
     */
    @Transactional
    public Optional<Assignment> confirm(UUID id) {
        return assignments.findByIdOptional(id).map(assignment -> {
            lock(assignment.need);
            if (assignment.status == AssignmentStatus.PROPOSED_BY_VOLUNTEER) {
                requireOpen(assignment.need, assignments.forNeed(assignment.need.id), Instant.now());
            }
            move(assignment, Trigger.CONFIRM, null);
            accepted(assignment);
            return assignment;
        });
    }

    /**
     * The social worker does not take up a volunteer's own offer; the volunteer hears it as a withdrawn offer.
     *
     * @throws ProblemException 409 when it is not (or no longer) a volunteer's open offer
     */
    @Transactional
    public Optional<Assignment> refuse(UUID id, @Valid DeclineRequest request) {
        return assignments.findByIdOptional(id).map(assignment -> {
            lock(assignment.need);
            move(assignment, Trigger.REFUSE, request == null ? null : request.reason());
            outbox.publish(AssignmentMapper.toWithdrawn(assignment, Withdrawer.STAFF));
            return assignment;
        });
    }

    /**
     * Assigns the need to a volunteer the social worker chose; an open offer of it to them counts as accepted.
     *
     * @throws ProblemException 404 for an unknown need or volunteer; 409 when the volunteer is not active, was
     *                          offered the need and answered already, the need has all its volunteers, or the
     *                          volunteer holds an accepted assignment overlapping the need
     */
    @Transactional
    public Assignment assignByHand(UUID needId, @Valid AssignByHandRequest request, String idempotencyKey) {
        UUID id = idempotencyKeys.once("assign-by-hand:" + needId, idempotencyKey, request,
                () -> createAssignedByHand(needId, request.volunteerId()).id);
        return assignments.findById(id);
    }

    private Assignment createAssignedByHand(UUID needId, UUID volunteerId) {
        Need need = needs.findByIdOptional(needId).orElseThrow(() -> ProblemException.notFound("Need", needId));
        Candidate volunteer = candidates.findByIdOptional(volunteerId)
                .orElseThrow(() -> ProblemException.notFound("Volunteer", volunteerId));
        if (!volunteer.active) {
            throw ProblemException.conflict("Volunteer " + volunteerId + " is not active");
        }
        lock(need);
        if (need.cancelledAt != null) {
            throw ProblemException.conflict("Need " + needId + " was cancelled");
        }
        Instant now = Instant.now();
        Optional<Assignment> offered = assignments.find(needId, volunteerId);
        if (offered.isPresent()) {
            move(offered.get(), Trigger.ACCEPT, null);
            accepted(offered.get());
            return offered.get();
        }
        List<Assignment> before = assignments.forNeed(needId);
        if (count(before, AssignmentStatus.ACCEPTED) >= need.volunteersNeeded) {
            throw ProblemException.conflict("Need " + needId + " has all the " + need.volunteersNeeded
                    + " volunteers it asked for");
        }
        Integer distance = volunteer.homeLocation() == null ? null
                : CandidateSearch.distanceMetres(need.location(), volunteer.homeLocation());
        Assignment assignment = newAssignment(need, volunteerId, distance, before.size() + 1, now);
        assignment.status = AssignmentStatus.ACCEPTED;
        assignment.expiresAt = now;
        assignment.answeredAt = now;
        assignment.reasons = new OfferReasons(List.of("assigned by hand by the social worker"), null);
        refusingDoubleBooking(assignment, () -> {
            assignments.persist(assignment);
            assignments.flush();
            return null;
        });
        accepted(assignment);
        return assignment;
    }

    /**
     * Expires the longest overdue open assignment. An offer's need goes to the next candidate, as after a decline; a
     * volunteer's own offer, still unconfirmed when the need begins, held no place, so nobody is offered it instead.
     *
     * @return false when nothing was due (or all due ones are being handled by others)
     */
    @Transactional
    public boolean expireNextDueOffer(Instant now) {
        return assignments.lockNextDueOffer(now).map(id -> {
            Assignment assignment = assignments.findById(id);
            boolean volunteerOffer = assignment.status == AssignmentStatus.PROPOSED_BY_VOLUNTEER;
            move(assignment, Trigger.EXPIRE, null);
            outbox.publish(AssignmentMapper.toExpired(assignment, volunteerOffer));
            if (!volunteerOffer) {
                offerInstead(assignment.need, now);
            }
            return true;
        }).orElse(false);
    }

    /**
     * Widens the search of the emergency whose widening is longest due, or escalates it after the widest radius.
     *
     * @return false when no widening was due (or all due ones are being handled by others)
     */
    @Transactional
    public boolean widenNextDueEmergency(Instant now) {
        return needs.lockNextDueWidening(now).map(id -> {
            widen(needs.findById(id), now);
            return true;
        }).orElse(false);
    }

    /**
     * Escalates the need whose deadline is longest near if it still lacks volunteers (NeedUnmatched).
     *
     * @return false when no escalation was due (or all due ones are being handled by others)
     */
    @Transactional
    public boolean escalateNextDueNeed(Instant now) {
        return needs.lockNextDueEscalation(now).map(id -> {
            Need need = needs.findById(id);
            need.escalateAt = null;
            List<Assignment> all = assignments.forNeed(id);
            long accepted = count(all, AssignmentStatus.ACCEPTED);
            if (accepted < need.volunteersNeeded) {
                unmatched(need, UNMATCHED.text("unmatched.deadline", Language.ZH_CN, need.matchBy(), accepted,
                        need.volunteersNeeded), all.size(), now);
            }
            return true;
        }).orElse(false);
    }

    private void lock(Need need) {
        needs.getEntityManager().refresh(need, LockModeType.PESSIMISTIC_WRITE);
    }

    private void move(Assignment assignment, Trigger trigger, String declineReason) {
        AssignmentStatus target = AssignmentStateMachine.next(assignment.status, trigger)
                .orElseThrow(() -> ProblemException.conflict("Assignment " + assignment.id + " is "
                        + assignment.status + ", not " + AssignmentStateMachine.allowedIn(trigger).stream()
                        .map(AssignmentStatus::name).collect(Collectors.joining(" or ")) + " any more"));
        Instant answeredAt = AssignmentStateMachine.isAnswer(trigger) ? Instant.now() : null;
        int moved = refusingDoubleBooking(assignment, () ->
                assignments.moveIfStill(assignment.id, assignment.status, target, answeredAt, declineReason));
        if (moved == 0) {
            throw ProblemException.conflict("Assignment " + assignment.id + " was answered meanwhile");
        }
        assignments.getEntityManager().refresh(assignment);
        if (target != AssignmentStatus.RELEASED) {
            countOutcome(target);
        }
    }

    private void countOutcome(AssignmentStatus outcome) {
        metrics.counter("linkage.offers.outcome", "outcome", outcome.name().toLowerCase(Locale.ROOT)).increment();
    }

    /** PostgreSQL's exclusion constraint is what refuses a double booking, also between replicas. */
    private static <T> T refusingDoubleBooking(Assignment assignment, Supplier<T> write) {
        try {
            return write.get();
        } catch (PersistenceException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof SQLException sql && EXCLUSION_VIOLATION.equals(sql.getSQLState())) {
                    throw ProblemException.conflict("Volunteer " + assignment.volunteerId + " already holds an "
                            + "accepted assignment overlapping " + assignment.windowStart + " – "
                            + assignment.windowEnd);
                }
            }
            throw e;
        }
    }

    private void accepted(Assignment assignment) {
        if (assignment.offeredAt.isBefore(assignment.answeredAt)) {
            metrics.timer("linkage.matching.time.to.acceptance")
                    .record(Duration.between(assignment.offeredAt, assignment.answeredAt));
        }
        outbox.publish(AssignmentMapper.toAccepted(assignment));
        Need need = assignment.need;
        List<Assignment> all = assignments.forNeed(need.id);
        if (count(all, AssignmentStatus.ACCEPTED) < need.volunteersNeeded) {
            return;
        }
        need.widenAt = null;
        need.escalateAt = null;
        for (Assignment open : all) {
            if (open.status.open()) {
                move(open, Trigger.STAND_DOWN, null);
                outbox.publish(AssignmentMapper.toStoodDown(open));
            }
        }
    }

    /** After a decline or an expiry: an emergency's next nearest responder, or another need's next best fit. */
    private void offerInstead(Need need, Instant now) {
        if (need.cancelledAt != null) {
            return;
        }
        if (need.urgency == Urgency.EMERGENCY) {
            fanOut(need, 1, now);
        } else {
            offerOpenPlaces(need, assignments.forNeed(need.id), now);
        }
    }

    /** Offers the need to as many new candidates as places are neither offered nor accepted. */
    private void offerOpenPlaces(Need need, List<Assignment> offeredBefore, Instant now) {
        long placesTaken = offeredBefore.stream().filter(assignment -> assignment.status.holdsAPlace()).count();
        int openPlaces = need.volunteersNeeded - (int) placesTaken;
        if (openPlaces <= 0) {
            return;
        }
        Ranking best = rank(need, offeredBefore, openPlaces, now);
        offer(need, best, offeredBefore.size(), now);
        if (best.matches().size() < openPlaces) {
            unmatched(need, UNMATCHED.text(offeredBefore.isEmpty() ? "unmatched.none" : "unmatched.none-left",
                            Language.ZH_CN, need.requiredSkill, radius(need), placesTaken + best.matches().size(),
                            need.volunteersNeeded),
                    offeredBefore.size() + best.matches().size(), now);
        }
    }

    /**
     * Offers an emergency to up to {@code responders} more of the nearest on-duty responders within its current
     * radius who hold the required certificates in date. With no offer left open, the search widens at once
     * rather than after the wait.
     */
    private void fanOut(Need need, int responders, Instant now) {
        fanOut(need, assignments.forNeed(need.id), responders, now);
    }

    private void fanOut(Need need, List<Assignment> before, int responders, Instant now) {
        if (count(before, AssignmentStatus.ACCEPTED) >= need.volunteersNeeded) {
            return;
        }
        Ranking nearest = rank(need, before, responders, now);
        offer(need, nearest, before.size(), now);
        if (nearest.matches().isEmpty() && count(before, AssignmentStatus.OFFERED) == 0) {
            widen(need, now);
        }
    }

    private void widen(Need need, Instant now) {
        OptionalInt wider = SearchRadius.wider(need.searchRadiusMetres, config.emergency().radiiMetres());
        if (wider.isEmpty()) {
            need.widenAt = null;
            int tried = assignments.forNeed(need.id).size();
            unmatched(need, UNMATCHED.text("unmatched.emergency", Language.ZH_CN, need.requiredSkill,
                    need.searchRadiusMetres, tried), tried, now);
            return;
        }
        need.searchRadiusMetres = wider.getAsInt();
        need.widenAt = now.plus(config.emergency().widenAfter());
        fanOut(need, config.emergency().responders(), now);
    }

    /**
     * What the need asks, and the best volunteers for it who meet every constraint, best first; for an emergency,
     * which position each was measured from.
     */
    private record Ranking(Requirements requirements, List<CandidateSearch.Match> matches,
                           Map<UUID, String> positions) {
    }

    private static Requirements requirements(Need need, int radiusMetres, boolean emergency) {
        return new Requirements(need.location(), radiusMetres, need.requiredSkill, need.requiredCertifications,
                need.requiredTraining, need.windowStart, need.windowEnd, need.hours(), emergency,
                need.volunteerGroups);
    }

    private Ranking rank(Need need, List<Assignment> offeredBefore, int limit, Instant now) {
        return rank(need, offeredBefore, limit, now, ids -> assignments.facts(ids, now, need.windowStart,
                need.windowEnd));
    }

    private Ranking rank(Need need, List<Assignment> offeredBefore, int limit, Instant now,
                         CandidateSearch.FactsSource facts) {
        boolean emergency = need.urgency == Urgency.EMERGENCY;
        Requirements requirements = requirements(need, emergency ? need.searchRadiusMetres : radius(need), emergency);
        // Nobody is asked twice.
        Set<UUID> asked = offeredBefore.stream().map(assignment -> assignment.volunteerId).collect(Collectors.toSet());
        if (emergency) {
            return rankResponders(requirements, limit, asked, facts, now);
        }
        Optional<UUID> pairedVolunteer = paired.volunteerOf(need.beneficiaryRef);
        Set<UUID> servedBefore = new HashSet<>(assignments.servedBefore(need.beneficiaryRef));
        pairedVolunteer.ifPresent(servedBefore::add);
        CandidateSearch.Query query = new CandidateSearch.Query(requirements, limit, asked, servedBefore, weights(),
                config.weeklyOfferCap());
        List<CandidateSearch.Match> matches = index.topK(query, facts);
        if (pairedVolunteer.isPresent()) {
            // A paired beneficiary's needs are their volunteer's alone; if they cannot, the social worker hears.
            matches = matches.stream().filter(match -> match.volunteer().volunteerId().equals(pairedVolunteer.get()))
                    .toList();
        }
        return new Ranking(requirements, matches, Map.of());
    }

    /**
     * An emergency's nearest on-duty responders, by where they are now: their live position while it counts, and
     * (where the home fallback is configured) the registered home of those who have none.
     */
    private Ranking rankResponders(Requirements requirements, int limit, Set<UUID> asked,
                                   CandidateSearch.FactsSource facts, Instant now) {
        ScoringWeights nearestFirst = ScoringWeights.nearestFirst(config.scoring().distanceHalfScoreMetres());
        LivePositions live = index.live();
        long nowMillis = now.toEpochMilli();
        List<LivePositions.Located> near = live.within(requirements.location(), requirements.radiusMetres(),
                nowMillis);
        CandidateSearch.Query query = new CandidateSearch.Query(requirements, limit, asked, Set.of(), nearestFirst,
                config.weeklyOfferCap());
        // Whoever has a live position is not at home: only those without one are measured from there.
        CandidateSearch.Query fromHome = config.livePositions().homeFallback()
                ? new CandidateSearch.Query(requirements, limit, live.trackedOr(asked, nowMillis), Set.of(),
                nearestFirst, config.weeklyOfferCap())
                : null;
        List<CandidateSearch.Match> matches = index.topKLive(near, query, fromHome, facts);
        Map<UUID, LivePositions.Fix> fixes = new HashMap<>();
        near.forEach(located -> fixes.put(located.responder().volunteerId(), located.fix()));
        Map<UUID, String> positions = new HashMap<>();
        for (CandidateSearch.Match match : matches) {
            LivePositions.Fix fix = fixes.get(match.volunteer().volunteerId());
            positions.put(match.volunteer().volunteerId(), fix != null
                    ? "measured from the live position of %d s ago (±%d m)".formatted(
                    Math.max(0, (nowMillis - fix.recordedAt()) / 1000), fix.accuracyMetres())
                    : "measured from the registered home: no live position (home fallback configured)");
        }
        return new Ranking(requirements, matches, positions);
    }

    /** The volunteer's group type and its Chinese label, as matching knows them now; empty when either is unknown. */
    public Map<String, String> groupNamesOf(UUID volunteerId) {
        return candidates.findByIdOptional(volunteerId)
                .filter(candidate -> candidate.groupType != null && candidate.groupNameZh != null)
                .map(candidate -> Map.of(candidate.groupType, candidate.groupNameZh)).orElse(Map.of());
    }

    public ScoringWeights weights() {
        MatchingConfig.Scoring scoring = config.scoring();
        return new ScoringWeights(scoring.distance(), scoring.skillLevel(), scoring.continuity(), scoring.fairness(),
                scoring.reliability(), scoring.distanceHalfScoreMetres());
    }

    private int radius(Need need) {
        return need.radiusMetres != null ? need.radiusMetres : config.maxDistanceMetres();
    }

    private void offer(Need need, Ranking ranking, int offeredBefore, Instant now) {
        List<Assignment> offers = offers(need, ranking, offeredBefore, now);
        offers.forEach(assignments::persist);
        // Published once all are persisted, in one statement: its insert flushes the offers in one JDBC batch, and
        // the events go in one round trip, rather than one per offer (an emergency's seven are on its critical path).
        publishOffers(offers, List.of());
    }

    /**
     * A need just raised and the offers it was ranked for, stored with their events in one statement: one round trip
     * where the persistence context would take three (the need, the offers' batch, the events).
     */
    private void storeWithOffers(Need need, Ranking ranking, Instant now) {
        List<Assignment> offers = offers(need, ranking, 0, now);
        publishOffers(offers, List.of(needs.insert(need), assignments.insert(offers)));
    }

    private void publishOffers(List<Assignment> offers, List<Outbox.Insert> stored) {
        outbox.publishAllWith(stored, offers.stream().map(AssignmentMapper::toOffered).toList());
        offers.forEach(offer -> countOutcome(AssignmentStatus.OFFERED));
    }

    /** The offers of the ranking's matches, ranked on from {@code offeredBefore}; not persisted. */
    private List<Assignment> offers(Need need, Ranking ranking, int offeredBefore, Instant now) {
        int rank = offeredBefore;
        List<Assignment> offers = new ArrayList<>();
        for (CandidateSearch.Match match : ranking.matches()) {
            List<String> met = new ArrayList<>(HardConstraints.met(match.volunteer(), match.facts(),
                    ranking.requirements(), match.distanceMetres(), config.weeklyOfferCap()));
            String position = ranking.positions().get(match.volunteer().volunteerId());
            if (position != null) {
                met.add(position);
            }
            offers.add(newOffer(need, match.volunteer().volunteerId(), match.distanceMetres(), ++rank,
                    new OfferReasons(met, match.score()), now));
        }
        return offers;
    }

    private Assignment offer(Need need, UUID volunteerId, Integer distanceMetres, int rank, OfferReasons reasons,
                             Instant now) {
        Assignment assignment = newOffer(need, volunteerId, distanceMetres, rank, reasons, now);
        assignments.persist(assignment);
        publishOffer(assignment);
        return assignment;
    }

    private Assignment newOffer(Need need, UUID volunteerId, Integer distanceMetres, int rank, OfferReasons reasons,
                                Instant now) {
        if (rank == 1) {
            metrics.timer("linkage.matching.time.to.first.offer").record(Duration.between(need.raisedAt, now));
        }
        Assignment assignment = newAssignment(need, volunteerId, distanceMetres, rank, now);
        assignment.status = AssignmentStatus.OFFERED;
        assignment.expiresAt = now.plus(offerTtl(need.urgency));
        assignment.score = reasons.score() == null ? null : reasons.score().total();
        assignment.reasons = reasons;
        return assignment;
    }

    private void publishOffer(Assignment assignment) {
        outbox.publish(AssignmentMapper.toOffered(assignment));
        countOutcome(AssignmentStatus.OFFERED);
    }

    private static Assignment newAssignment(Need need, UUID volunteerId, Integer distanceMetres, int rank,
                                            Instant now) {
        Assignment assignment = new Assignment();
        assignment.id = UUID.randomUUID();
        assignment.need = need;
        assignment.volunteerId = volunteerId;
        assignment.rank = rank;
        assignment.distanceMetres = distanceMetres;
        assignment.windowStart = need.windowStart;
        assignment.windowEnd = need.windowEnd;
        assignment.hours = need.hours();
        assignment.offeredAt = now;
        return assignment;
    }

    /**
     * Escalates to the social worker, once per need. The reason is for the social worker, whose profile
     * language matching does not know: it is written in zh-CN, the suite's default.
     */
    private void unmatched(Need need, String reason, int candidatesTried, Instant now) {
        if (need.unmatchedAt == null && need.cancelledAt == null) {
            need.unmatchedAt = now;
            outbox.publish(NeedUnmatched.of(need.id, need.requestedBy, reason, candidatesTried));
        }
    }

    private static long count(List<Assignment> assignments, AssignmentStatus status) {
        return assignments.stream().filter(assignment -> assignment.status == status).count();
    }

    private Duration offerTtl(Urgency urgency) {
        return switch (urgency) {
            case ROUTINE -> config.offerTtl().routine();
            case URGENT -> config.offerTtl().urgent();
            case EMERGENCY -> config.offerTtl().emergency();
        };
    }
}
