package org.linkage.activity.service;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.jboss.logging.Logger;
import org.linkage.activity.api.CancellationRequest;
import org.linkage.activity.api.CompletionRequest;
import org.linkage.activity.api.RaiseNeedRequest;
import org.linkage.activity.api.VolunteerReportRequest;
import org.linkage.activity.config.NeedsConfig;
import org.linkage.activity.domain.Beneficiary;
import org.linkage.activity.domain.Need;
import org.linkage.activity.domain.NeedAssignment;
import org.linkage.activity.domain.NeedSeries;
import org.linkage.activity.domain.NeedStatus;
import org.linkage.activity.domain.StatusChange;
import org.linkage.activity.domain.VolunteerCredential;
import org.linkage.activity.mapping.NeedMapper;
import org.linkage.activity.repository.NeedOfferRepository;
import org.linkage.activity.repository.NeedRepository;
import org.linkage.activity.repository.NeedSeriesRepository;
import org.linkage.chassis.idempotency.IdempotencyKeys;
import org.linkage.chassis.outbox.Outbox;
import org.linkage.chassis.problem.ProblemException;
import org.linkage.chassis.security.CurrentUser;
import org.linkage.chassis.time.DatabaseClock;
import org.linkage.chassis.time.DistrictConfig;
import org.linkage.chassis.web.Page;
import org.linkage.events.GeoPoint;
import org.linkage.events.assignment.AssignmentAccepted;
import org.linkage.events.assignment.AssignmentDeclined;
import org.linkage.events.assignment.AssignmentOffered;
import org.linkage.events.assignment.NeedUnmatched;
import org.linkage.events.need.Urgency;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

@ApplicationScoped
public class NeedService {

    private static final Logger LOG = Logger.getLogger(NeedService.class);
    private static final String RAISE_SCOPE = "need.raise";

    private final NeedRepository needs;
    private final Outbox outbox;
    private final IdempotencyKeys idempotencyKeys;
    private final BeneficiaryService beneficiaries;
    private final NeedSeriesRepository series;
    private final NeedOfferRepository offers;
    private final DistrictConfig district;
    private final NeedsConfig config;
    private final MeterRegistry registry;
    private final CurrentUser user;
    private final Limits limits;
    private final VolunteerStandings standings;

    NeedService(NeedRepository needs, Outbox outbox, IdempotencyKeys idempotencyKeys,
                BeneficiaryService beneficiaries, NeedSeriesRepository series, NeedOfferRepository offers,
                DistrictConfig district,
                NeedsConfig config, MeterRegistry registry, CurrentUser user,
                Limits limits, VolunteerStandings standings) {
        this.standings = standings;
        this.limits = limits;
        this.needs = needs;
        this.outbox = outbox;
        this.idempotencyKeys = idempotencyKeys;
        this.beneficiaries = beneficiaries;
        this.series = series;
        this.offers = offers;
        this.district = district;
        this.config = config;
        this.registry = registry;
        this.user = user;
    }

    /** Raises a need, or returns the one an earlier request with the same Idempotency-Key raised. */
    @Transactional
    public Need raise(@Valid @NotNull RaiseNeedRequest request, String idempotencyKey) {
        if (request.location() == null && request.beneficiaryId() == null) {
            throw ProblemException.invalid("location", "must not be null");
        }
        if (request.deadline() != null && request.deadline().isAfter(request.window().end())) {
            throw ProblemException.invalid("deadline", "must not be after window.end");
        }
        if (request.urgency() == Urgency.EMERGENCY && request.recurrence() != null) {
            throw ProblemException.unprocessable("recurrence", "an emergency happens once: raise it without "
                    + "recurrence, or raise a recurring need as ROUTINE or URGENT");
        }
        if (request.recurrence() != null && request.recurrence().until() != null && request.recurrence().until()
                .isBefore(request.window().start().atZone(district.timeZone()).toLocalDate())) {
            throw ProblemException.invalid("recurrence.until", "must not be before the window starts");
        }
        // Whoever calls raises it, whatever the body says (an actor field may only repeat the caller).
        String requestedBy = user.actor("requestedBy", request.requestedBy());
        Beneficiary beneficiary = request.beneficiaryId() == null ? null
                : beneficiaries.find(request.beneficiaryId()).orElseThrow(
                () -> ProblemException.unprocessable("beneficiaryId", "does not exist"));
        if (beneficiary != null) {
            beneficiaries.requireConsentFor(beneficiary, request.category());
        }
        UUID id = idempotencyKeys.once(RAISE_SCOPE, idempotencyKey, request, () -> {
            if (request.urgency() == Urgency.EMERGENCY) {
                // Counted with the need it raises: a refused request or a retry with the same key counts nothing.
                limits.emergency();
            }
            return create(request, requestedBy, beneficiary).id;
        });
        return needs.findById(id);
    }

    private Need create(RaiseNeedRequest request, String requestedBy, Beneficiary beneficiary) {
        Instant now = DatabaseClock.now();
        Need need = new Need();
        need.id = UUID.randomUUID();
        need.category = request.category();
        need.requiredSkill = request.requiredSkill();
        if (request.location() != null) {
            GeoPoint location = request.location().toGeoPoint();
            need.latitude = location.latitude();
            need.longitude = location.longitude();
        } else {
            need.latitude = beneficiary.homeLatitude;
            need.longitude = beneficiary.homeLongitude;
        }
        need.windowStart = request.window().start();
        need.windowEnd = request.window().end();
        need.urgency = request.urgency();
        need.volunteersNeeded = request.volunteersNeeded();
        need.requestedBy = requestedBy;
        need.summary = request.summary() == null ? null : request.summary().strip();
        need.estimatedHours = request.estimatedHours();
        need.requiredCertifications = new ArrayList<>(new LinkedHashSet<>(request.requiredCertifications()));
        need.requiredTraining = new ArrayList<>(new LinkedHashSet<>(request.requiredTraining()));
        need.volunteerGroups = new ArrayList<>(standings.knownGroups("volunteerGroups", request.volunteerGroups()));
        need.radiusMetres = request.radiusMetres();
        need.deadline = request.deadline();
        need.community = request.community() == null ? null : request.community().strip();
        if (beneficiary != null) {
            need.beneficiaryId = beneficiary.id;
            need.careCategory = beneficiary.focusGroup;
            need.community = beneficiary.community;
            need.atBeneficiaryHome = beneficiary.home().equals(need.location());
            if (beneficiary.isProtectedChild(district.today())) {
                // By age, not label: whoever serves a minor needs a background check in date on the need's day.
                if (!need.requiredCertifications.contains(VolunteerCredential.BACKGROUND_CHECK)) {
                    need.requiredCertifications.add(VolunteerCredential.BACKGROUND_CHECK);
                }
            }
        }
        need.createdAt = now;
        if (request.recurrence() != null) {
            // Set before the need is stored: the series row follows it and NeedRaised is published once.
            need.seriesId = UUID.randomUUID();
        }
        publishRaised(need);
        if (request.recurrence() != null) {
            NeedSeries recurring = new NeedSeries();
            recurring.id = need.seriesId;
            recurring.templateNeedId = need.id;
            recurring.frequency = request.recurrence().frequency();
            recurring.until = request.recurrence().until();
            recurring.occurrences = 1;
            recurring.scheduleNext(need.windowStart, district.timeZone(), config.recurrenceLead());
            series.persist(recurring);
        }
        return need;
    }

    /** Raises the series' next occurrence: a copy of the first, moved to its day, and schedules the one after. */
    void raiseNextOccurrence(NeedSeries recurring) {
        Need first = needs.findById(recurring.templateNeedId);
        Instant start = recurring.frequency.occurrence(first.windowStart, district.timeZone(), recurring.occurrences);
        Duration shift = Duration.between(first.windowStart, start);
        Need need = new Need();
        need.id = UUID.randomUUID();
        need.category = first.category;
        need.requiredSkill = first.requiredSkill;
        need.latitude = first.latitude;
        need.longitude = first.longitude;
        need.windowStart = start;
        need.windowEnd = first.windowEnd.plus(shift);
        need.urgency = first.urgency;
        need.volunteersNeeded = first.volunteersNeeded;
        need.requestedBy = first.requestedBy;
        need.summary = first.summary;
        need.estimatedHours = first.estimatedHours;
        need.requiredCertifications = new ArrayList<>(first.requiredCertifications);
        need.requiredTraining = new ArrayList<>(first.requiredTraining);
        need.volunteerGroups = new ArrayList<>(first.volunteerGroups);
        need.radiusMetres = first.radiusMetres;
        need.deadline = first.deadline == null ? null : first.deadline.plus(shift);
        need.community = first.community;
        need.beneficiaryId = first.beneficiaryId;
        need.careCategory = first.careCategory;
        need.atBeneficiaryHome = first.atBeneficiaryHome;
        need.seriesId = recurring.id;
        need.createdAt = DatabaseClock.now();
        publishRaised(need);
        recurring.occurrences++;
        recurring.scheduleNext(first.windowStart, district.timeZone(), config.recurrenceLead());
    }

    /** Stores a new need (fresh or an occurrence of a series) and announces it. */
    private void publishRaised(Need need) {
        need.status = NeedStatus.OPEN;
        need.statusHistory.add(new StatusChange(NeedStatus.OPEN, null, need.createdAt));
        need.updatedAt = need.createdAt;
        needs.persist(need);
        outbox.publish(NeedMapper.toRaised(need));
        registry.counter("linkage.needs.raised", "category", need.category, "urgency", need.urgency.name())
                .increment();
    }

    public Optional<Need> find(UUID id) {
        return needs.findByIdOptional(id);
    }

    public Page<Need> list(NeedRepository.Filter filter, int page, int size) {
        return Page.of(needs.search(filter, page, size), page, size, needs.count(filter));
    }

    /** The social worker starts the work of an assigned need. */
    @Transactional
    public Need start(UUID id) {
        Need need = require(id);
        move(need, NeedStatus.Trigger.START, null, "started");
        return need;
    }

    @Transactional
    public Need cancel(UUID id, @Valid @NotNull CancellationRequest request) {
        user.actor("cancelledBy", request.cancelledBy());
        Need need = require(id);
        move(need, NeedStatus.Trigger.CANCEL, request.reason(), "cancelled");
        outbox.publish(NeedMapper.toCancelled(need));
        return need;
    }

    /** A volunteer who accepted the need reports what they did; a later report replaces an earlier one. */
    @Transactional
    public Need report(UUID id, @Valid @NotNull VolunteerReportRequest request) {
        Need need = require(id);
        if (need.status != NeedStatus.ASSIGNED && need.status != NeedStatus.IN_PROGRESS) {
            throw Problems.invalidTransition("Need " + id, need.status, "reported on");
        }
        NeedAssignment assignment = need.assignmentOf(request.volunteerId()).orElseThrow(
                () -> ProblemException.unprocessable("volunteerId", "has not accepted this need"));
        assignment.report = request.report().strip();
        assignment.reportedHours = request.hours();
        assignment.reportedAt = DatabaseClock.now();
        need.updatedAt = assignment.reportedAt;
        needs.flush();
        return need;
    }

    /** The social worker confirms the reports: one AssignmentCompleted per volunteer credits their hours. */
    @Transactional
    public Need complete(UUID id, @Valid @NotNull CompletionRequest request) {
        String confirmedBy = user.actor("confirmedBy", request.confirmedBy());
        Need need = require(id);
        if (need.status.after(NeedStatus.Trigger.COMPLETE).isEmpty()) {
            throw Problems.invalidTransition("Need " + id, need.status, "completed");
        }
        List<NeedAssignment> confirmed = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < request.hours().size(); i++) {
            CompletionRequest.Hours hours = request.hours().get(i);
            String field = "hours[" + i + "].volunteerId";
            if (!seen.add(hours.volunteerId())) {
                throw ProblemException.invalid(field, "is listed twice");
            }
            NeedAssignment assignment = need.assignmentOf(hours.volunteerId())
                    .orElseThrow(() -> ProblemException.unprocessable(field, "has not accepted this need"));
            if (assignment.reportedAt == null) {
                throw ProblemException.unprocessable(field, "has not reported yet");
            }
            assignment.confirmedHours = hours.hours();
            confirmed.add(assignment);
        }
        need.confirmedBy = confirmedBy;
        need.serviceDate = request.serviceDate() != null ? request.serviceDate()
                : need.windowStart.atZone(district.timeZone()).toLocalDate();
        move(need, NeedStatus.Trigger.COMPLETE, null, "completed");
        need.completedAt = need.updatedAt;
        confirmed.forEach(assignment -> outbox.publish(NeedMapper.toCompleted(need, assignment)));
        return need;
    }

    @Transactional
    public void offered(AssignmentOffered offer) {
        follow(offer.needId(), NeedStatus.Trigger.OFFERED, AssignmentOffered.TYPE,
                need -> offers.recordOnce(offer.assignmentId(), need.id, offer.volunteerId()));
    }

    /** An offer was answered, expired, withdrawn or stood down: its volunteer no longer reads the need through it. */
    @Transactional
    public void offerEnded(UUID assignmentId) {
        offers.deleteById(assignmentId);
    }

    /** A volunteer may read a need while they hold an offer for it or have accepted it. */
    public boolean isOfferedToOrAssigned(Need need, UUID volunteerId) {
        return need.assignmentOf(volunteerId).isPresent() || offers.holds(need.id, volunteerId);
    }

    @Transactional
    public void accepted(AssignmentAccepted acceptance) {
        follow(acceptance.needId(), NeedStatus.Trigger.ACCEPTED, AssignmentAccepted.TYPE, need -> {
            if (need.assignedVolunteerId == null) {
                need.assignedVolunteerId = acceptance.volunteerId();
                need.assignmentId = acceptance.assignmentId();
            }
            offers.deleteById(acceptance.assignmentId());
            if (need.assignmentOf(acceptance.volunteerId()).isEmpty()) {
                NeedAssignment assignment = new NeedAssignment();
                assignment.assignmentId = acceptance.assignmentId();
                assignment.volunteerId = acceptance.volunteerId();
                assignment.acceptedAt = DatabaseClock.now();
                need.assignments.add(assignment);
                need.updatedAt = assignment.acceptedAt;
            }
        });
    }

    @Transactional
    public void declined(AssignmentDeclined decline) {
        offerEnded(decline.assignmentId());
        follow(decline.needId(), NeedStatus.Trigger.DECLINED, AssignmentDeclined.TYPE, need -> {
        });
    }

    @Transactional
    public void unmatched(NeedUnmatched outcome) {
        follow(outcome.needId(), NeedStatus.Trigger.UNMATCHED, NeedUnmatched.TYPE,
                need -> need.statusReason = outcome.reason());
    }

    /**
     * Applies matching's event to the need. Events that cannot apply are dropped, not failed: they are facts from
     * matching that arrived late (an offer outrun by an acceptance) or concern needs this service does not have,
     * and retrying or dead-lettering them would change nothing.
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
            recordDetails.accept(need);
            return;
        }
        need.statusReason = null;
        recordDetails.accept(need);
        enter(need, next.get(), need.statusReason);
    }

    /** The social worker's transitions: refused with 409 when the need's status does not allow them. */
    private void move(Need need, NeedStatus.Trigger trigger, String reason, String action) {
        NeedStatus next = need.status.after(trigger)
                .orElseThrow(() -> Problems.invalidTransition("Need " + need.id, need.status, action));
        enter(need, next, reason);
    }

    private static void enter(Need need, NeedStatus status, String reason) {
        Instant now = DatabaseClock.now();
        need.status = status;
        need.statusReason = reason;
        need.statusHistory.add(new StatusChange(status, reason, now));
        need.updatedAt = now;
    }

    private Need require(UUID id) {
        return find(id).orElseThrow(() -> ProblemException.notFound("Need", id));
    }
}
