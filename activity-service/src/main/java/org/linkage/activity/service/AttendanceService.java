package org.linkage.activity.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.linkage.activity.api.StationCodeRequest;
import org.linkage.activity.config.ActivitiesConfig;
import org.linkage.activity.domain.Activity;
import org.linkage.activity.domain.ActivityStatus;
import org.linkage.activity.domain.Attendance;
import org.linkage.activity.domain.SignUpStatus;
import org.linkage.activity.domain.StationCode;
import org.linkage.activity.mapping.ActivityMapper;
import org.linkage.activity.repository.ActivityRepository;
import org.linkage.activity.repository.AttendanceRepository;
import org.linkage.activity.repository.SignUpRepository;
import org.linkage.chassis.outbox.Outbox;
import org.linkage.chassis.problem.ProblemException;
import org.linkage.chassis.time.DatabaseClock;
import org.linkage.chassis.time.DistrictConfig;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Check-in and check-out with the rotating code shown at the station: only someone standing there can read it, so
 * nobody checks in from home. Attendance with hours is announced as AttendanceRecorded, from which they are credited.
 */
@ApplicationScoped
public class AttendanceService {

    private final ActivityRepository activities;
    private final SignUpRepository signUps;
    private final StationCodes codes;
    private final AttendanceRepository attendances;
    private final Outbox outbox;
    private final ActivitiesConfig config;
    private final DistrictConfig district;
    private final VolunteerStandings standings;

    AttendanceService(ActivityRepository activities, SignUpRepository signUps, StationCodes codes,
                      AttendanceRepository attendances, Outbox outbox, ActivitiesConfig config,
                      DistrictConfig district, VolunteerStandings standings) {
        this.standings = standings;
        this.activities = activities;
        this.signUps = signUps;
        this.codes = codes;
        this.attendances = attendances;
        this.outbox = outbox;
        this.config = config;
        this.district = district;
    }

    /** The code to display now at the activity's station. */
    @Transactional
    public StationCode currentCode(UUID activityId) {
        return codes.current(requireCheckInOpen(activityId).id);
    }

    @Transactional
    public Attendance checkIn(UUID activityId, @Valid @NotNull StationCodeRequest request) {
        Activity activity = requireCheckInOpen(activityId);
        if (signUps.live(activityId, request.volunteerId())
                .filter(signUp -> signUp.status == SignUpStatus.CONFIRMED).isEmpty()) {
            throw ProblemException.unprocessable("volunteerId", "holds no place at this activity");
        }
        if (attendances.of(activityId, request.volunteerId()).isPresent()) {
            throw ProblemException.conflict("Volunteer " + request.volunteerId() + " has already checked in");
        }
        codes.requireValid(activityId, request.volunteerId(), request.code());
        // Again at the door: a certification may have expired, or the volunteer been suspended, since sign-up.
        standings.requireFitFor(activity, request.volunteerId());
        Attendance attendance = new Attendance();
        attendance.id = UUID.randomUUID();
        attendance.activityId = activityId;
        attendance.volunteerId = request.volunteerId();
        attendance.checkedInAt = DatabaseClock.now();
        attendances.persist(attendance);
        return attendance;
    }

    /** Ends the attendance; the hours present (at most the activity's length) are credited if there are any. */
    @Transactional
    public Attendance checkOut(UUID activityId, @Valid @NotNull StationCodeRequest request) {
        Activity activity = requireActivity(activityId);
        Attendance attendance = attendances.of(activityId, request.volunteerId())
                .orElseThrow(() -> ProblemException.unprocessable("volunteerId", "has not checked in"));
        if (attendance.checkedOutAt != null) {
            throw ProblemException.conflict("Volunteer " + request.volunteerId() + " has already checked out");
        }
        codes.requireValid(activityId, request.volunteerId(), request.code());
        attendance.checkedOutAt = DatabaseClock.now();
        attendance.hours = Attendance.hoursPresent(attendance.checkedInAt, attendance.checkedOutAt,
                activity.duration());
        attendance.serviceDate = attendance.checkedInAt.atZone(district.timeZone()).toLocalDate();
        if (attendance.hours.compareTo(BigDecimal.ZERO) > 0) {
            outbox.publish(ActivityMapper.toRecorded(attendance));
        }
        attendances.flush();
        return attendance;
    }

    public List<Attendance> of(UUID activityId) {
        requireActivity(activityId);
        return attendances.of(activityId);
    }

    private Activity requireCheckInOpen(UUID activityId) {
        Activity activity = requireActivity(activityId);
        Instant now = Instant.now();
        if (activity.status != ActivityStatus.SCHEDULED) {
            throw Problems.invalidTransition("Activity " + activityId, activity.status, "checked in to");
        }
        if (now.isBefore(activity.startsAt.minus(config.checkInOpensBefore())) || !now.isBefore(activity.endsAt)) {
            throw ProblemException.conflict("Check-in for activity " + activityId + " opens "
                    + config.checkInOpensBefore().toMinutes() + " minutes before it starts and closes when it ends");
        }
        return activity;
    }

    private Activity requireActivity(UUID activityId) {
        return activities.findByIdOptional(activityId)
                .orElseThrow(() -> ProblemException.notFound("Activity", activityId));
    }
}
