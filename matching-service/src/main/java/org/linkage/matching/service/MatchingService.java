package org.linkage.matching.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import org.jboss.logging.Logger;
import org.linkage.chassis.idempotency.IdempotencyKeys;
import org.linkage.chassis.outbox.Outbox;
import org.linkage.chassis.problem.ProblemException;
import org.linkage.chassis.web.Page;
import org.linkage.events.assignment.NeedUnmatched;
import org.linkage.events.need.NeedRaised;
import org.linkage.events.need.Urgency;
import org.linkage.matching.config.MatchingConfig;
import org.linkage.matching.domain.Assignment;
import org.linkage.matching.domain.AssignmentStateMachine;
import org.linkage.matching.domain.AssignmentStateMachine.Trigger;
import org.linkage.matching.domain.AssignmentStatus;
import org.linkage.matching.domain.Candidate;
import org.linkage.matching.domain.Need;
import org.linkage.matching.domain.SearchRadius;
import org.linkage.matching.mapping.AssignmentMapper;
import org.linkage.matching.mapping.NeedMapper;
import org.linkage.matching.repository.AssignmentRepository;
import org.linkage.matching.repository.CandidateRepository;
import org.linkage.matching.repository.NeedRepository;
import org.linkage.matching.rest.AssignByHandRequest;
import org.linkage.matching.rest.DeclineRequest;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Offers needs to the nearest fitting volunteers and records their answers.
 *
 * <p>Every change to a need's assignments first locks the need's row, so that what one transaction decides from
 * the need's assignments (places left, the first accept of an emergency) is not decided again by another at the
 * same time; the timer job takes the same locks without waiting ({@code SKIP LOCKED}).
 */
@ApplicationScoped
public class MatchingService {

    private static final Logger LOG = Logger.getLogger(MatchingService.class);
    /** PostgreSQL's SQLSTATE for a row an exclusion constraint refuses: here, a double booking. */
    private static final String EXCLUSION_VIOLATION = "23P01";

    private final NeedRepository needs;
    private final CandidateRepository candidates;
    private final AssignmentRepository assignments;
    private final Outbox outbox;
    private final IdempotencyKeys idempotencyKeys;
    private final MatchingConfig config;

    MatchingService(NeedRepository needs, CandidateRepository candidates, AssignmentRepository assignments,
                    Outbox outbox, IdempotencyKeys idempotencyKeys, MatchingConfig config) {
        this.needs = needs;
        this.candidates = candidates;
        this.assignments = assignments;
        this.outbox = outbox;
        this.idempotencyKeys = idempotencyKeys;
        this.config = config;
    }

    /** Stores the need and offers it: an emergency to the nearest on-duty responders, others to the best fits. */
    @Transactional
    public void needRaised(NeedRaised event) {
        if (needs.findByIdOptional(event.needId()).isPresent()) {
            // Raised again under a new event id: it was offered the first time already.
            LOG.infof("Need %s is already known; NeedRaised ignored", event.needId());
            return;
        }
        Instant now = Instant.now();
        Need need = NeedMapper.fromRaised(event, now);
        if (need.urgency == Urgency.EMERGENCY) {
            need.searchRadiusMetres = config.emergency().radiusMetres();
            need.widenAt = now.plus(config.emergency().widenAfter());
            needs.persist(need);
            fanOut(need, config.emergency().responders(), now);
        } else {
            needs.persist(need);
            offerOpenPlaces(need, now);
        }
    }

    public Optional<Assignment> find(UUID id) {
        return assignments.findByIdOptional(id);
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
            accepted(assignment, Instant.now());
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
     * Takes an open offer back. The need is not offered to anyone else: the social worker is steering it.
     *
     * @throws ProblemException 409 when the assignment is not (or no longer) an open offer
     */
    @Transactional
    public Optional<Assignment> withdraw(UUID id) {
        return assignments.findByIdOptional(id).map(assignment -> {
            lock(assignment.need);
            move(assignment, Trigger.WITHDRAW, null);
            outbox.publish(AssignmentMapper.toWithdrawn(assignment));
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
        Instant now = Instant.now();
        Optional<Assignment> offered = assignments.find(needId, volunteerId);
        if (offered.isPresent()) {
            move(offered.get(), Trigger.ACCEPT, null);
            accepted(offered.get(), now);
            return offered.get();
        }
        List<Assignment> before = assignments.forNeed(needId);
        if (count(before, AssignmentStatus.ACCEPTED) >= need.volunteersNeeded) {
            throw ProblemException.conflict("Need " + needId + " has all the " + need.volunteersNeeded
                    + " volunteers it asked for");
        }
        Integer distance = volunteer.homeLocation() == null ? null
                : (int) Math.round(need.location().distanceMetresTo(volunteer.homeLocation()));
        Assignment assignment = newAssignment(need, volunteerId, distance, before.size() + 1, now);
        assignment.status = AssignmentStatus.ACCEPTED;
        assignment.expiresAt = now;
        assignment.answeredAt = now;
        refusingDoubleBooking(assignment, () -> {
            assignments.persist(assignment);
            assignments.flush();
            return null;
        });
        accepted(assignment, now);
        return assignment;
    }

    /**
     * Expires the longest overdue open offer and offers the need to the next candidate, as a decline would.
     *
     * @return false when no offer was due (or all due ones are being handled by others)
     */
    @Transactional
    public boolean expireNextDueOffer(Instant now) {
        return assignments.lockNextDueOffer(now).map(id -> {
            Assignment assignment = assignments.findById(id);
            move(assignment, Trigger.EXPIRE, null);
            outbox.publish(AssignmentMapper.toExpired(assignment));
            offerInstead(assignment.need, now);
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

    private void lock(Need need) {
        needs.getEntityManager().refresh(need, LockModeType.PESSIMISTIC_WRITE);
    }

    private void move(Assignment assignment, Trigger trigger, String declineReason) {
        AssignmentStatus target = AssignmentStateMachine.next(assignment.status, trigger)
                .orElseThrow(() -> ProblemException.conflict("Assignment " + assignment.id + " is "
                        + assignment.status + ", not " + AssignmentStatus.OFFERED + " any more"));
        Instant answeredAt = AssignmentStateMachine.isAnswer(trigger) ? Instant.now() : null;
        int moved = refusingDoubleBooking(assignment, () ->
                assignments.moveIfStill(assignment.id, assignment.status, target, answeredAt, declineReason));
        if (moved == 0) {
            throw ProblemException.conflict("Assignment " + assignment.id + " was answered meanwhile");
        }
        assignments.getEntityManager().refresh(assignment);
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

    private void accepted(Assignment assignment, Instant now) {
        String volunteerName = candidates.findByIdOptional(assignment.volunteerId)
                .map(candidate -> candidate.displayName).orElse(null);
        outbox.publish(AssignmentMapper.toAccepted(assignment, volunteerName));
        Need need = assignment.need;
        List<Assignment> all = assignments.forNeed(need.id);
        if (count(all, AssignmentStatus.ACCEPTED) < need.volunteersNeeded) {
            return;
        }
        need.widenAt = null;
        for (Assignment open : all) {
            if (open.status == AssignmentStatus.OFFERED) {
                move(open, Trigger.STAND_DOWN, null);
                outbox.publish(AssignmentMapper.toStoodDown(open));
            }
        }
    }

    /** After a decline or an expiry: an emergency's next nearest responder, or another need's next best fit. */
    private void offerInstead(Need need, Instant now) {
        if (need.urgency == Urgency.EMERGENCY) {
            fanOut(need, 1, now);
        } else {
            offerOpenPlaces(need, now);
        }
    }

    /** Offers the need to as many new candidates as places are neither offered nor accepted. */
    private void offerOpenPlaces(Need need, Instant now) {
        List<Assignment> offeredBefore = assignments.forNeed(need.id);
        long placesTaken = offeredBefore.stream().filter(assignment -> assignment.status.holdsAPlace()).count();
        int openPlaces = need.volunteersNeeded - (int) placesTaken;
        if (openPlaces <= 0) {
            return;
        }
        List<CandidateRanker.Ranked> best = nearest(need, offeredBefore, false, config.maxDistanceMetres(),
                openPlaces);
        offer(need, best, offeredBefore.size(), now);
        if (best.size() < openPlaces) {
            unmatched(need, "No volunteer%s with skill %s within %d m: %d of %d volunteers needed offered or assigned"
                    .formatted(offeredBefore.isEmpty() ? "" : " left", need.requiredSkill, config.maxDistanceMetres(),
                            placesTaken + best.size(), need.volunteersNeeded), offeredBefore.size() + best.size(), now);
        }
    }

    /**
     * Offers an emergency to up to {@code responders} more of the nearest on-duty responders within its current
     * radius. With no offer left open, the search widens at once rather than after the wait.
     *
     * <p>The issue asks for responders with the required certificate in date; the volunteer events carry no
     * certificates yet, so the need's required skill (e.g. {@code first-aid}) stands in for it.
     */
    private void fanOut(Need need, int responders, Instant now) {
        List<Assignment> before = assignments.forNeed(need.id);
        if (count(before, AssignmentStatus.ACCEPTED) >= need.volunteersNeeded) {
            return;
        }
        List<CandidateRanker.Ranked> nearest = nearest(need, before, true, need.searchRadiusMetres, responders);
        offer(need, nearest, before.size(), now);
        if (nearest.isEmpty() && count(before, AssignmentStatus.OFFERED) == 0) {
            widen(need, now);
        }
    }

    private void widen(Need need, Instant now) {
        OptionalInt wider = SearchRadius.wider(need.searchRadiusMetres, config.emergency().radiiMetres());
        if (wider.isEmpty()) {
            need.widenAt = null;
            int tried = assignments.forNeed(need.id).size();
            unmatched(need, "No on-duty responder with skill %s within %d m accepted: %d offered"
                    .formatted(need.requiredSkill, need.searchRadiusMetres, tried), tried, now);
            return;
        }
        need.searchRadiusMetres = wider.getAsInt();
        need.widenAt = now.plus(config.emergency().widenAfter());
        fanOut(need, config.emergency().responders(), now);
    }

    private List<CandidateRanker.Ranked> nearest(Need need, List<Assignment> offeredBefore, boolean onDutyOnly,
                                                 int reachMetres, int limit) {
        // Nobody is asked twice, nor offered a need while committed elsewhere at the same time.
        Set<UUID> excluded = new HashSet<>(assignments.volunteersCommittedDuring(need.windowStart, need.windowEnd));
        offeredBefore.forEach(assignment -> excluded.add(assignment.volunteerId));
        return CandidateRanker.best(need.location(), need.requiredSkill,
                candidates.activeLocatedWithSkill(need.requiredSkill, onDutyOnly), excluded, reachMetres, limit);
    }

    private void offer(Need need, List<CandidateRanker.Ranked> ranked, int offeredBefore, Instant now) {
        int rank = offeredBefore;
        for (CandidateRanker.Ranked candidate : ranked) {
            Assignment assignment = newAssignment(need, candidate.candidate().volunteerId,
                    candidate.distanceMetres(), ++rank, now);
            assignment.status = AssignmentStatus.OFFERED;
            assignment.expiresAt = now.plus(offerTtl(need.urgency));
            assignments.persist(assignment);
            outbox.publish(AssignmentMapper.toOffered(assignment));
        }
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
        assignment.offeredAt = now;
        return assignment;
    }

    /** Escalates to the social worker, once per need. */
    private void unmatched(Need need, String reason, int candidatesTried, Instant now) {
        if (need.unmatchedAt == null) {
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
