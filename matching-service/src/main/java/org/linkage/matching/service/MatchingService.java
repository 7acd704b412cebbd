package org.linkage.matching.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import org.jboss.logging.Logger;
import org.linkage.chassis.outbox.Outbox;
import org.linkage.chassis.problem.ProblemException;
import org.linkage.chassis.web.Page;
import org.linkage.events.assignment.NeedUnmatched;
import org.linkage.events.need.NeedRaised;
import org.linkage.events.need.Urgency;
import org.linkage.matching.config.MatchingConfig;
import org.linkage.matching.domain.Assignment;
import org.linkage.matching.domain.AssignmentStateMachine;
import org.linkage.matching.domain.AssignmentStatus;
import org.linkage.matching.domain.Need;
import org.linkage.matching.mapping.AssignmentMapper;
import org.linkage.matching.mapping.NeedMapper;
import org.linkage.matching.repository.AssignmentRepository;
import org.linkage.matching.repository.CandidateRepository;
import org.linkage.matching.repository.NeedRepository;
import org.linkage.matching.rest.DeclineRequest;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Offers needs to the nearest fitting volunteers and records their answers. */
@ApplicationScoped
public class MatchingService {

    private static final Logger LOG = Logger.getLogger(MatchingService.class);

    private final NeedRepository needs;
    private final CandidateRepository candidates;
    private final AssignmentRepository assignments;
    private final Outbox outbox;
    private final MatchingConfig config;

    MatchingService(NeedRepository needs, CandidateRepository candidates, AssignmentRepository assignments,
                    Outbox outbox, MatchingConfig config) {
        this.needs = needs;
        this.candidates = candidates;
        this.assignments = assignments;
        this.outbox = outbox;
        this.config = config;
    }

    /** Stores the need and offers it to the best candidates, or publishes NeedUnmatched when there are too few. */
    @Transactional
    public void needRaised(NeedRaised event) {
        if (needs.findByIdOptional(event.needId()).isPresent()) {
            // Raised again under a new event id: it was offered the first time already.
            LOG.infof("Need %s is already known; NeedRaised ignored", event.needId());
            return;
        }
        Instant now = Instant.now();
        Need need = NeedMapper.fromRaised(event, now);
        needs.persist(need);
        offerOpenPlaces(need, now);
    }

    public Optional<Assignment> find(UUID id) {
        return assignments.findByIdOptional(id);
    }

    public Page<Assignment> list(AssignmentRepository.Filter filter, int page, int size) {
        return Page.of(assignments.search(filter, page, size), page, size, assignments.count(filter));
    }

    /** @throws ProblemException 409 when the assignment is not (or no longer) an open offer */
    @Transactional
    public Optional<Assignment> accept(UUID id) {
        return assignments.findByIdOptional(id).map(assignment -> {
            answer(assignment, AssignmentStateMachine.Trigger.ACCEPT, null);
            String volunteerName = candidates.findByIdOptional(assignment.volunteerId)
                    .map(candidate -> candidate.displayName).orElse(null);
            outbox.publish(AssignmentMapper.toAccepted(assignment, volunteerName));
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
            answer(assignment, AssignmentStateMachine.Trigger.DECLINE, request == null ? null : request.reason());
            outbox.publish(AssignmentMapper.toDeclined(assignment));
            // Concurrent declines of one need's offers take turns here, so no candidate is offered it twice.
            Need need = assignment.need;
            needs.getEntityManager().refresh(need, LockModeType.PESSIMISTIC_WRITE);
            offerOpenPlaces(need, Instant.now());
            return assignment;
        });
    }

    private void answer(Assignment assignment, AssignmentStateMachine.Trigger trigger, String declineReason) {
        AssignmentStatus target = AssignmentStateMachine.next(assignment.status, trigger)
                .orElseThrow(() -> ProblemException.conflict("Assignment " + assignment.id + " is "
                        + assignment.status + ", not " + AssignmentStatus.OFFERED + " any more"));
        if (assignments.moveIfStill(assignment.id, assignment.status, target, Instant.now(), declineReason) == 0) {
            throw ProblemException.conflict("Assignment " + assignment.id + " was answered meanwhile");
        }
        assignments.getEntityManager().refresh(assignment);
    }

    /** Offers the need to as many new candidates as places are neither offered nor accepted. */
    private void offerOpenPlaces(Need need, Instant now) {
        List<Assignment> offeredBefore = assignments.forNeed(need.id);
        long placesTaken = offeredBefore.stream().filter(assignment -> assignment.status.holdsAPlace()).count();
        int openPlaces = need.volunteersNeeded - (int) placesTaken;
        if (openPlaces <= 0) {
            return;
        }
        Set<UUID> askedBefore = offeredBefore.stream().map(assignment -> assignment.volunteerId)
                .collect(Collectors.toSet());
        List<CandidateRanker.Ranked> best = CandidateRanker.best(need.location(), need.requiredSkill,
                candidates.activeLocatedWithSkill(need.requiredSkill), askedBefore, config.maxDistanceMetres(),
                openPlaces);
        int rank = offeredBefore.size();
        for (CandidateRanker.Ranked ranked : best) {
            Assignment assignment = new Assignment();
            assignment.id = UUID.randomUUID();
            assignment.need = need;
            assignment.volunteerId = ranked.candidate().volunteerId;
            assignment.status = AssignmentStatus.OFFERED;
            assignment.rank = ++rank;
            assignment.distanceMetres = ranked.distanceMetres();
            assignment.offeredAt = now;
            assignment.expiresAt = now.plus(offerTtl(need.urgency));
            assignments.persist(assignment);
            outbox.publish(AssignmentMapper.toOffered(assignment));
        }
        if (best.size() < openPlaces && need.unmatchedAt == null) {
            need.unmatchedAt = now;
            String reason = "No volunteer%s with skill %s within %d m: %d of %d volunteers needed offered or assigned"
                    .formatted(offeredBefore.isEmpty() ? "" : " left", need.requiredSkill, config.maxDistanceMetres(),
                            placesTaken + best.size(), need.volunteersNeeded);
            outbox.publish(NeedUnmatched.of(need.id, need.requestedBy, reason, offeredBefore.size() + best.size()));
        }
    }

    private Duration offerTtl(Urgency urgency) {
        return switch (urgency) {
            case ROUTINE -> config.offerTtl().routine();
            case URGENT -> config.offerTtl().urgent();
            case EMERGENCY -> config.offerTtl().emergency();
        };
    }
}
