package org.linkage.activity.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.linkage.activity.api.SessionCheckRequest;
import org.linkage.activity.api.SessionCodeRequest;
import org.linkage.activity.api.SessionRequest;
import org.linkage.activity.config.PairingsConfig;
import org.linkage.activity.domain.Attendance;
import org.linkage.activity.domain.Pairing;
import org.linkage.activity.domain.PairingSession;
import org.linkage.activity.domain.PairingStatus;
import org.linkage.activity.domain.SessionKind;
import org.linkage.activity.domain.SessionStatus;
import org.linkage.activity.domain.StationCode;
import org.linkage.activity.repository.PairingSessionRepository;
import org.linkage.activity.repository.StationRepository;
import org.linkage.chassis.outbox.Outbox;
import org.linkage.chassis.problem.ProblemException;
import org.linkage.chassis.time.DatabaseClock;
import org.linkage.chassis.time.DistrictConfig;
import org.linkage.events.pairing.PairingSessionCancelled;
import org.linkage.events.pairing.PairingSessionCompleted;
import org.linkage.events.pairing.PairingSessionScheduled;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Sessions of an active pairing: scheduled within its period, checked in and out by the social worker (or, at a
 * station, by the volunteer with the code shown there), the time present credited to the volunteer as hours
 * (PairingSessionCompleted, which volunteer-service's ledger credits once).
 */
@ApplicationScoped
public class PairingSessionService {

    /** Who confirmed a check-in or -out made with the station's code: the station itself. */
    static final String STATION_CODE = "station-code";

    private final PairingService pairings;
    private final PairingSessionRepository sessions;
    private final StationRepository stations;
    private final Outbox outbox;
    private final DistrictConfig district;
    private final PairingsConfig config;
    private final StationCodes codes;

    PairingSessionService(PairingService pairings, PairingSessionRepository sessions, StationRepository stations,
                          Outbox outbox, DistrictConfig district, PairingsConfig config, StationCodes codes) {
        this.codes = codes;
        this.pairings = pairings;
        this.sessions = sessions;
        this.stations = stations;
        this.outbox = outbox;
        this.district = district;
        this.config = config;
    }

    /**
     * @throws ProblemException 422 naming startsAt/endsAt outside the pairing's period, stationId unknown or retired; 409 when the
     *                          pairing is not active
     */
    @Transactional
    public PairingSession schedule(UUID pairingId, @Valid @NotNull SessionRequest request, String scheduledBy) {
        if (!request.startsAt().isBefore(request.endsAt())) {
            throw ProblemException.invalid("endsAt", "must be after startsAt");
        }
        Pairing pairing = pairings.locked(pairingId);
        if (pairing.status.after(PairingStatus.Action.SCHEDULE_SESSION) == null) {
            throw Problems.invalidTransition("Pairing " + pairingId, pairing.status, "given sessions");
        }
        if (!pairing.covers(localDate(request.startsAt()))) {
            throw ProblemException.unprocessable("startsAt", "is outside the pairing's period " + pairing.startsOn
                    + " to " + pairing.endsOn);
        }
        if (!pairing.covers(localDate(request.endsAt().minusNanos(1)))) {
            throw ProblemException.unprocessable("endsAt", "is outside the pairing's period " + pairing.startsOn
                    + " to " + pairing.endsOn);
        }
        if (request.stationId() != null) {
            var station = stations.findByIdOptional(request.stationId())
                    .filter(candidate -> candidate.community.equals(pairing.community))
                    .orElseThrow(() -> ProblemException.unprocessable("stationId",
                            "is no station of the pairing's community"));
            if (station.retiredAt != null) {
                throw ProblemException.unprocessable("stationId", "is a retired station");
            }
        }
        PairingSession session = new PairingSession();
        session.id = UUID.randomUUID();
        session.pairingId = pairingId;
        session.kind = request.kind();
        session.startsAt = request.startsAt();
        session.endsAt = request.endsAt();
        session.stationId = request.kind() == SessionKind.HOME_VISIT ? null : request.stationId();
        session.status = SessionStatus.SCHEDULED;
        session.scheduledBy = scheduledBy;
        sessions.persist(session);
        outbox.publish(PairingSessionScheduled.of(pairingId, session.id, pairing.volunteerId, session.kind.name(),
                session.startsAt, session.endsAt));
        return session;
    }

    public List<PairingSession> of(UUID pairingId) {
        return sessions.of(pairingId);
    }

    public PairingSession require(UUID pairingId, UUID sessionId) {
        return sessions.findByIdOptional(sessionId).filter(session -> session.pairingId.equals(pairingId))
                .orElseThrow(() -> ProblemException.notFound("Session", sessionId));
    }

    /** The social worker confirms the volunteer arrived, from a little before the start until the end. */
    @Transactional
    public PairingSession checkIn(UUID pairingId, UUID sessionId, @Valid @NotNull SessionCheckRequest request,
                                  String confirmedBy) {
        Pairing pairing = pairings.locked(pairingId);
        return checkIn(pairing, require(pairingId, sessionId), when(request), confirmedBy);
    }

    /** The social worker confirms the volunteer left: the time present, at most the session's length, is credited. */
    @Transactional
    public PairingSession checkOut(UUID pairingId, UUID sessionId, @Valid @NotNull SessionCheckRequest request,
                                   String confirmedBy) {
        Pairing pairing = pairings.locked(pairingId);
        return checkOut(pairing, require(pairingId, sessionId), when(request), confirmedBy);
    }

    /**
     * The code to show at the station for a session held there, while it may be checked in or out.
     *
     * @throws ProblemException 409 for a home visit, or outside the session
     */
    @Transactional
    public StationCode stationCode(UUID pairingId, UUID sessionId) {
        PairingSession session = require(pairingId, sessionId);
        return codes.current(atStationNow(session, session.endsAt.plus(config.sessionOpensBefore())).id);
    }

    /** The paired volunteer checks in with the code shown at the station: being there is the confirmation. */
    @Transactional
    public PairingSession checkInAtStation(UUID pairingId, UUID sessionId, @Valid @NotNull SessionCodeRequest request) {
        Pairing pairing = pairings.locked(pairingId);
        PairingSession session = require(pairingId, sessionId);
        atStationNow(session, session.endsAt);
        codes.requireValid(session.id, pairing.volunteerId, request.code());
        return checkIn(pairing, session, DatabaseClock.now(), STATION_CODE);
    }

    /** The paired volunteer checks out with the code shown at the station; the hours are credited as by staff. */
    @Transactional
    public PairingSession checkOutAtStation(UUID pairingId, UUID sessionId,
                                            @Valid @NotNull SessionCodeRequest request) {
        Pairing pairing = pairings.locked(pairingId);
        PairingSession session = require(pairingId, sessionId);
        atStationNow(session, session.endsAt.plus(config.sessionOpensBefore()));
        codes.requireValid(session.id, pairing.volunteerId, request.code());
        return checkOut(pairing, session, DatabaseClock.now(), STATION_CODE);
    }

    private PairingSession checkIn(Pairing pairing, PairingSession session, Instant at, String confirmedBy) {
        if (pairing.status != PairingStatus.ACTIVE || session.status != SessionStatus.SCHEDULED) {
            throw Problems.invalidTransition("Session " + session.id, session.status, "checked in");
        }
        pairings.requireTrusted(pairing, localDate(session.startsAt));
        if (at.isBefore(session.startsAt.minus(config.sessionOpensBefore())) || !at.isBefore(session.endsAt)) {
            throw ProblemException.unprocessable("at", "is outside the session: check-in opens "
                    + config.sessionOpensBefore().toMinutes() + " minutes before it starts and closes when it ends");
        }
        session.status = SessionStatus.CHECKED_IN;
        session.checkedInAt = at;
        session.checkedInBy = confirmedBy;
        return session;
    }

    private PairingSession checkOut(Pairing pairing, PairingSession session, Instant at, String confirmedBy) {
        if (session.status != SessionStatus.CHECKED_IN) {
            throw Problems.invalidTransition("Session " + session.id, session.status, "checked out");
        }
        if (!at.isAfter(session.checkedInAt)) {
            throw ProblemException.unprocessable("at", "must be after the check-in at " + session.checkedInAt);
        }
        session.status = SessionStatus.COMPLETED;
        session.checkedOutAt = at;
        session.checkedOutBy = confirmedBy;
        session.hours = Attendance.hoursPresent(session.checkedInAt, at, session.length());
        session.serviceDate = localDate(session.checkedInAt);
        sessions.flush();
        if (session.hours.compareTo(BigDecimal.ZERO) > 0) {
            outbox.publish(PairingSessionCompleted.of(pairing.id, session.id, pairing.volunteerId,
                    session.checkedInAt, session.checkedOutAt, session.serviceDate, session.hours, confirmedBy));
        }
        return session;
    }

    /** A session held at a station, between when check-in opens and the given end. */
    private PairingSession atStationNow(PairingSession session, Instant until) {
        if (session.stationId == null) {
            throw ProblemException.conflict("Session " + session.id + " is not held at a station: the social worker "
                    + "confirms it");
        }
        Instant now = DatabaseClock.now();
        if (now.isBefore(session.startsAt.minus(config.sessionOpensBefore()))
                || !now.isBefore(until)) {
            throw ProblemException.conflict("Session " + session.id + " is checked in at the station from "
                    + config.sessionOpensBefore().toMinutes() + " minutes before it starts until it ends, and out "
                    + "until as long after");
        }
        return session;
    }

    @Transactional
    public PairingSession cancel(UUID pairingId, UUID sessionId, String reason) {
        Pairing pairing = pairings.locked(pairingId);
        PairingSession session = require(pairingId, sessionId);
        if (session.status != SessionStatus.SCHEDULED) {
            throw Problems.invalidTransition("Session " + sessionId, session.status, "cancelled");
        }
        session.status = SessionStatus.CANCELLED;
        session.cancelReason = reason;
        outbox.publish(PairingSessionCancelled.of(pairingId, session.id, pairing.volunteerId, reason));
        return session;
    }

    /** Whether the session shows the child's address now. */
    public boolean revealsAddress(PairingSession session, Instant now) {
        return session.revealsAddressAt(now, config.sessionOpensBefore());
    }

    private Instant when(SessionCheckRequest request) {
        return Objects.requireNonNullElseGet(request.at(), DatabaseClock::now);
    }

    private LocalDate localDate(Instant instant) {
        return instant.atZone(district.timeZone()).toLocalDate();
    }
}
