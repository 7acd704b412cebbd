package org.linkage.volunteer.service;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.linkage.chassis.audit.AuditAction;
import org.linkage.chassis.audit.AuditLog;
import org.linkage.chassis.idempotency.IdempotencyKeys;
import org.linkage.chassis.outbox.Outbox;
import org.linkage.chassis.problem.ProblemException;
import org.linkage.chassis.time.DistrictConfig;
import org.linkage.chassis.web.Page;
import org.linkage.events.EventEnvelope;
import org.linkage.events.MalformedEventException;
import org.linkage.events.activity.AttendanceRecorded;
import org.linkage.events.need.AssignmentCompleted;
import org.linkage.events.pairing.PairingSessionCompleted;
import org.linkage.events.volunteer.HoursCredited;
import org.linkage.events.volunteer.StarLevelReached;
import org.linkage.volunteer.api.CorrectionRequest;
import org.linkage.volunteer.domain.HoursEntry;
import org.linkage.volunteer.domain.HoursSource;
import org.linkage.volunteer.domain.HoursSummary;
import org.linkage.volunteer.domain.StarLevels;
import org.linkage.volunteer.domain.Volunteer;
import org.linkage.volunteer.domain.VolunteerHours;
import org.linkage.volunteer.repository.HoursEntryRepository;
import org.linkage.volunteer.repository.VolunteerHoursRepository;
import org.linkage.volunteer.repository.VolunteerRepository;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The append-only service-hours ledger. Every entry moves the volunteer's running total, is announced with
 * HoursCredited, and announces each star threshold it crosses upwards with StarLevelReached.
 */
@ApplicationScoped
public class HoursLedger {

    /** Longer than any one service; an event reporting more is a producer's bug, not hours to credit. */
    private static final BigDecimal MOST_HOURS_PER_SERVICE = new BigDecimal(24);

    private final HoursEntryRepository entries;
    private final VolunteerHoursRepository totals;
    private final VolunteerRepository volunteers;
    private final Outbox outbox;
    private final IdempotencyKeys idempotencyKeys;
    private final MeterRegistry registry;
    private final DistrictConfig district;
    private final AuditLog auditLog;

    HoursLedger(HoursEntryRepository entries, VolunteerHoursRepository totals, VolunteerRepository volunteers,
                Outbox outbox, IdempotencyKeys idempotencyKeys, MeterRegistry registry, DistrictConfig district,
                AuditLog auditLog) {
        this.auditLog = auditLog;
        this.entries = entries;
        this.totals = totals;
        this.volunteers = volunteers;
        this.outbox = outbox;
        this.idempotencyKeys = idempotencyKeys;
        this.registry = registry;
        this.district = district;
    }

    /** Runs in the inbox's transaction. */
    public void creditCompletedAssignment(AssignmentCompleted event, EventEnvelope envelope) {
        creditFromEvent(event.volunteerId(), HoursSource.NEED, event.needId(), envelope, event.serviceDate(),
                event.hours(), event.confirmedBy());
    }

    /** Runs in the inbox's transaction. */
    public void creditAttendance(AttendanceRecorded event, EventEnvelope envelope) {
        creditFromEvent(event.volunteerId(), HoursSource.ACTIVITY, event.activityId(), envelope,
                event.serviceDate(), event.hours(), event.confirmedBy());
    }

    /** Runs in the inbox's transaction. */
    public void creditPairingSession(PairingSessionCompleted event, EventEnvelope envelope) {
        creditFromEvent(event.volunteerId(), HoursSource.PAIRING, event.sessionId(), envelope,
                event.serviceDate(), event.hours(), event.confirmedBy());
    }

    private void creditFromEvent(UUID volunteerId, HoursSource source, UUID sourceId, EventEnvelope envelope,
                                 LocalDate serviceDate, BigDecimal hours, String confirmedBy) {
        String what = envelope.eventType() + " " + envelope.eventId();
        if (volunteerId == null || sourceId == null || serviceDate == null || hours == null) {
            throw new MalformedEventException(what + " lacks the volunteer, source, date or hours");
        }
        if (hours.signum() <= 0 || hours.compareTo(MOST_HOURS_PER_SERVICE) > 0) {
            throw new MalformedEventException(what + " reports " + hours + " hours");
        }
        // Volunteers register here before they can serve: an unknown one will never become known.
        Volunteer volunteer = volunteers.findByIdOptional(volunteerId).orElseThrow(
                () -> new MalformedEventException(what + " names unknown volunteer " + volunteerId));
        VolunteerHours total = totals.lockFor(volunteerId);
        // Another event (not a redelivery: the inbox stops those) may report the same service again.
        if (entries.credited(source, sourceId, volunteerId)) {
            return;
        }
        HoursEntry entry = newEntry(volunteer, source, serviceDate, hours,
                confirmedBy == null || confirmedBy.isBlank() ? "unknown" : confirmedBy);
        entry.sourceId = sourceId;
        entry.sourceEventId = envelope.eventId();
        append(total, entry);
    }

    /**
     * Records staff's compensating entry; empty when the volunteer does not exist.
     *
     * @param confirmedBy the member of staff who records the correction
     */
    @Transactional
    public Optional<HoursEntry> correct(UUID volunteerId, @Valid @NotNull CorrectionRequest request,
                                        String confirmedBy, String idempotencyKey) {
        if (request.hours().signum() == 0) {
            throw ProblemException.invalid("hours", "must not be zero");
        }
        if (request.serviceDate().isAfter(district.today())) {
            throw ProblemException.invalid("serviceDate", "must not be in the future");
        }
        if (volunteers.findByIdOptional(volunteerId).isEmpty()) {
            return Optional.empty();
        }
        UUID id = idempotencyKeys.once("volunteer.hours-correction." + volunteerId, idempotencyKey, request,
                () -> createCorrection(volunteerId, request, confirmedBy).id);
        auditLog.record(AuditAction.UPDATE, "VolunteerHours", volunteerId, "hours correction: " + request.reason());
        return entries.findByIdOptional(id);
    }

    private HoursEntry createCorrection(UUID volunteerId, CorrectionRequest request, String confirmedBy) {
        if (request.correctsEntryId() != null && entries.findOf(volunteerId, request.correctsEntryId()).isEmpty()) {
            throw ProblemException.invalid("correctsEntryId", "is not an entry of this volunteer's ledger");
        }
        VolunteerHours total = totals.lockFor(volunteerId);
        if (total.lifetimeHours.add(request.hours()).signum() < 0) {
            throw ProblemException.invalid("hours", "would take the lifetime total of " + total.lifetimeHours
                    + " hours below zero");
        }
        HoursEntry entry = newEntry(volunteers.findById(volunteerId), HoursSource.CORRECTION, request.serviceDate(),
                request.hours(), confirmedBy);
        entry.sourceId = request.correctsEntryId() == null ? entry.id : request.correctsEntryId();
        entry.reason = request.reason().strip();
        append(total, entry);
        return entry;
    }

    /** An entry in the volunteer's group and organisation as they are now, for the figures of its month. */
    private static HoursEntry newEntry(Volunteer volunteer, HoursSource source, LocalDate serviceDate,
                                       BigDecimal hours, String confirmedBy) {
        HoursEntry entry = new HoursEntry();
        entry.id = UUID.randomUUID();
        entry.volunteerId = volunteer.id;
        entry.groupType = volunteer.groupType;
        entry.organisation = volunteer.organisation;
        entry.source = source;
        entry.serviceDate = serviceDate;
        entry.hours = hours.setScale(2, RoundingMode.HALF_UP);
        entry.confirmedBy = confirmedBy;
        entry.recordedAt = Instant.now();
        return entry;
    }

    /** The caller holds the lock on the totals, so each threshold is crossed by exactly one entry. */
    private void append(VolunteerHours total, HoursEntry entry) {
        entries.persist(entry);
        int levelBefore = total.starLevel;
        total.lifetimeHours = total.lifetimeHours.add(entry.hours);
        total.starLevel = StarLevels.levelFor(total.lifetimeHours);
        total.updatedAt = entry.recordedAt;
        outbox.publish(HoursCredited.of(entry.volunteerId, entry.id, entry.source.name(), entry.sourceId,
                entry.serviceDate, entry.hours, total.lifetimeHours));
        StarLevels.reached(levelBefore, total.lifetimeHours).forEach(level ->
                outbox.publish(StarLevelReached.of(entry.volunteerId, level, total.lifetimeHours)));
        registry.counter("linkage.hours.credited", "source", entry.source.metricTag()).increment();
    }

    /** Empty when the volunteer does not exist. */
    public Optional<HoursSummary> summary(UUID volunteerId) {
        return volunteers.findByIdOptional(volunteerId).map(volunteer -> totals.findByIdOptional(volunteerId)
                .map(total -> new HoursSummary(total.lifetimeHours, total.starLevel,
                        entries.totalsPerYear(volunteerId)))
                .orElseGet(() -> new HoursSummary(BigDecimal.ZERO.setScale(2), 0, List.of())));
    }

    /** Empty when the volunteer does not exist. */
    public Optional<Page<HoursEntry>> entries(UUID volunteerId, Integer year, int page, int size) {
        return volunteers.findByIdOptional(volunteerId).map(volunteer -> Page.of(
                entries.of(volunteerId, year, page, size), page, size, entries.countOf(volunteerId, year)));
    }
}
