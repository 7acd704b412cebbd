package org.linkage.activity.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A volunteer's presence at an activity, from check-in to check-out. */
@Entity
@Table(name = "attendance")
public class Attendance {

    @Id
    public UUID id;

    @Column(name = "activity_id")
    public UUID activityId;

    @Column(name = "volunteer_id")
    public UUID volunteerId;

    @Column(name = "checked_in_at")
    public Instant checkedInAt;

    @Column(name = "checked_out_at")
    public Instant checkedOutAt;

    /** The hours credited: the time present, at most the activity's length, to the hundredth of an hour. */
    public BigDecimal hours;

    @Column(name = "service_date")
    public LocalDate serviceDate;

    public static BigDecimal hoursPresent(Instant checkedIn, Instant checkedOut, Duration activityLength) {
        Duration present = Duration.between(checkedIn, checkedOut);
        Duration credited = present.compareTo(activityLength) > 0 ? activityLength : present;
        return BigDecimal.valueOf(credited.toMillis()).divide(BigDecimal.valueOf(3_600_000), 2, RoundingMode.HALF_UP);
    }
}
