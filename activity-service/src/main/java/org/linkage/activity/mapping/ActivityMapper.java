package org.linkage.activity.mapping;

import org.linkage.activity.api.ActivityResponse;
import org.linkage.activity.api.AttendanceResponse;
import org.linkage.activity.api.SignUpResponse;
import org.linkage.activity.domain.Activity;
import org.linkage.activity.domain.Attendance;
import org.linkage.activity.domain.SignUp;
import org.linkage.events.activity.ActivityCancelled;
import org.linkage.events.activity.ActivitySignUpCancelled;
import org.linkage.events.activity.ActivitySignUpConfirmed;
import org.linkage.events.activity.AttendanceRecorded;

import java.util.List;
import java.util.UUID;

public final class ActivityMapper {

    /** What "station-code" confirms: the volunteer showed the code displayed at the station. */
    public static final String CONFIRMED_BY_STATION_CODE = "station-code";

    public static ActivityResponse toResponse(Activity activity) {
        return new ActivityResponse(activity.id, activity.stationId, activity.title, activity.description,
                activity.startsAt, activity.endsAt, activity.capacity, activity.confirmedCount,
                Math.max(0, activity.capacity - activity.confirmedCount), activity.requiredSkills,
                activity.requiredCertifications, activity.withChildren, activity.status,
                activity.cancelReason, activity.organiser, activity.createdAt, activity.audience);
    }

    public static SignUpResponse toResponse(SignUp signUp, Long waitlistPosition) {
        return new SignUpResponse(signUp.id, signUp.activityId, signUp.volunteerId, signUp.status, waitlistPosition,
                signUp.promoted, signUp.cancelledBy, signUp.createdAt, signUp.updatedAt);
    }

    public static AttendanceResponse toResponse(Attendance attendance) {
        return new AttendanceResponse(attendance.id, attendance.activityId, attendance.volunteerId,
                attendance.checkedInAt, attendance.checkedOutAt, attendance.hours, attendance.serviceDate);
    }

    public static ActivitySignUpConfirmed toConfirmed(Activity activity, String stationName, SignUp signUp) {
        return ActivitySignUpConfirmed.of(activity.id, signUp.id, signUp.volunteerId, activity.title, stationName,
                activity.startsAt, activity.endsAt, signUp.promoted);
    }

    public static ActivitySignUpCancelled toCancelled(SignUp signUp) {
        return ActivitySignUpCancelled.of(signUp.activityId, signUp.id, signUp.volunteerId,
                signUp.cancelledBy.name());
    }

    public static ActivityCancelled toCancelled(Activity activity, List<UUID> volunteerIds) {
        return ActivityCancelled.of(activity.id, activity.title, activity.cancelReason, volunteerIds);
    }

    public static AttendanceRecorded toRecorded(Attendance attendance) {
        return AttendanceRecorded.of(attendance.activityId, attendance.id, attendance.volunteerId,
                attendance.checkedInAt, attendance.checkedOutAt, attendance.serviceDate, attendance.hours,
                CONFIRMED_BY_STATION_CODE);
    }

    private ActivityMapper() {
    }
}
