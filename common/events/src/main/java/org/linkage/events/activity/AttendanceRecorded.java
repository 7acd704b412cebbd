package org.linkage.events.activity;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A volunteer checked in and out of an activity at the station; the hours are credited from this event.
 *
 * @param confirmedBy the staff member who confirmed the attendance, or "station-code" when the code sufficed
 */
public record AttendanceRecorded(UUID activityId, UUID attendanceId, UUID volunteerId, Instant checkedInAt,
                                 Instant checkedOutAt, LocalDate serviceDate, BigDecimal hours, String confirmedBy)
        implements ActivityEvent {

    public static final String TYPE = "AttendanceRecorded";

    public static AttendanceRecorded of(UUID activityId, UUID attendanceId, UUID volunteerId, Instant checkedInAt,
                                        Instant checkedOutAt, LocalDate serviceDate, BigDecimal hours,
                                        String confirmedBy) {
        return new AttendanceRecorded(activityId, attendanceId, volunteerId, checkedInAt, checkedOutAt, serviceDate,
                hours, confirmedBy);
    }

    @Override
    @JsonIgnore
    public String eventType() {
        return TYPE;
    }
}
