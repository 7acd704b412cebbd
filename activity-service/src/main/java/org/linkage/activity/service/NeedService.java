package org.linkage.activity.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.jboss.logging.Logger;
import org.linkage.activity.domain.Need;
import org.linkage.activity.domain.NeedStatus;
import org.linkage.activity.domain.StatusChange;
import org.linkage.activity.mapping.NeedMapper;
import org.linkage.activity.repository.NeedRepository;
import org.linkage.activity.rest.RaiseNeedRequest;
import org.linkage.chassis.idempotency.IdempotencyKeys;
import org.linkage.chassis.outbox.Outbox;
import org.linkage.chassis.web.Page;
import org.linkage.events.assignment.AssignmentAccepted;
import org.linkage.events.assignment.AssignmentDeclined;
import org.linkage.events.assignment.AssignmentOffered;
import org.linkage.events.assignment.NeedUnmatched;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

@ApplicationScoped
public class NeedService {

    private static final Logger LOG = Logger.getLogger(NeedService.class);
    private static final String RAISE_SCOPE = "need.raise";

    private final NeedRepository needs;
    private final Outbox outbox;
    private final IdempotencyKeys idempotencyKeys;

    NeedService(NeedRepository needs, Outbox outbox, IdempotencyKeys idempotencyKeys) {
        this.needs = needs;
        this.outbox = outbox;
        this.idempotencyKeys = idempotencyKeys;
    }

    /** Raises a need, or returns the one an earlier request with the same Idempotency-Key raised. */
    @Transactional
    public Need raise(@Valid @NotNull RaiseNeedRequest request, String idempotencyKey) {
        UUID id = idempotencyKeys.once(RAISE_SCOPE, idempotencyKey, request, () -> create(request).id);
        return needs.findById(id);
    }

    private Need create(RaiseNeedRequest request) {
        Instant now = now();
        Need need = new Need();
        need.id = UUID.randomUUID();
        need.category = request.category();
        need.requiredSkill = request.requiredSkill();
        need.latitude = request.location().latitude();
        need.longitude = request.location().longitude();
        need.windowStart = request.window().start();
        need.windowEnd = request.window().end();
        need.urgency = request.urgency();
        need.volunteersNeeded = request.volunteersNeeded();
        need.requestedBy = request.requestedBy().strip();
        need.summary = request.summary() == null ? null : request.summary().strip();
        need.status = NeedStatus.OPEN;
        need.statusHistory.add(new StatusChange(NeedStatus.OPEN, null, now));
        need.createdAt = now;
        need.updatedAt = now;
        needs.persist(need);
        outbox.publish(NeedMapper.toRaised(need));
        return need;
    }

    public Optional<Need> find(UUID id) {
        return needs.findByIdOptional(id);
    }

    public Page<Need> list(NeedRepository.Filter filter, int page, int size) {
        return Page.of(needs.search(filter, page, size), page, size, needs.count(filter));
    }

    @Transactional
    public void offered(AssignmentOffered offer) {
        follow(offer.needId(), NeedStatus.Trigger.OFFERED, AssignmentOffered.TYPE, need -> {
        });
    }

    @Transactional
    public void accepted(AssignmentAccepted acceptance) {
        follow(acceptance.needId(), NeedStatus.Trigger.ACCEPTED, AssignmentAccepted.TYPE, need -> {
            need.assignedVolunteerId = acceptance.volunteerId();
            need.assignmentId = acceptance.assignmentId();
        });
    }

    @Transactional
    public void declined(AssignmentDeclined decline) {
        follow(decline.needId(), NeedStatus.Trigger.DECLINED, AssignmentDeclined.TYPE, need -> {
        });
    }

    @Transactional
    public void unmatched(NeedUnmatched outcome) {
        follow(outcome.needId(), NeedStatus.Trigger.UNMATCHED, NeedUnmatched.TYPE,
                need -> need.statusReason = outcome.reason());
    }

    /**
     * Moves the need to the status the event leads to. Events that cannot apply are dropped, not failed: they
     * are facts from matching that arrived late (an offer outrun by an acceptance) or concern needs this
     * service does not have, and retrying or dead-lettering them would change nothing.
     */
    private void follow(UUID needId, NeedStatus.Trigger trigger, String eventType, Consumer<Need> recordDetails) {
        Need need = needs.findById(needId);
        if (need == null) {
            LOG.infof("Ignoring %s for need %s: no such need", eventType, needId);
            return;
        }
        Optional<NeedStatus> next = need.status.after(trigger);
        if (next.isEmpty()) {
            LOG.infof("Ignoring %s for need %s: stale or out of order while the need is %s",
                    eventType, needId, need.status);
            return;
        }
        if (next.get() == need.status) {
            return;
        }
        Instant now = now();
        need.status = next.get();
        need.statusReason = null;
        recordDetails.accept(need);
        need.statusHistory.add(new StatusChange(need.status, need.statusReason, now));
        need.updatedAt = now;
    }

    /** Truncated as PostgreSQL stores it, so that a need reads the same before and after it is saved. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
