package org.linkage.activity.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A scheduled event at a station (homework club, free clinic day, haircut day) with a limited number of places. */
@Entity
@Table(name = "activity")
public class Activity {

    @Id
    public UUID id;

    @Column(name = "station_id")
    public UUID stationId;

    public String title;

    public String description;

    @Column(name = "starts_at")
    public Instant startsAt;

    @Column(name = "ends_at")
    public Instant endsAt;

    public int capacity;

    /** The places taken; changed only under the activity's row lock. */
    @Column(name = "confirmed_count")
    public int confirmedCount;

    @Column(name = "required_skills")
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> requiredSkills = new ArrayList<>();

    /** Certification types a volunteer must hold, valid on the activity's day, to sign up and check in. */
    @Column(name = "required_certifications")
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> requiredCertifications = new ArrayList<>();

    /** The volunteer groups ({@link VolunteerGroup} names) who may sign up; empty for everyone. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> audience = new ArrayList<>();

    /** Work with children: only active volunteers with a background check valid on the day (issue #21). */
    @Column(name = "with_children")
    public boolean withChildren;

    @Enumerated(EnumType.STRING)
    public ActivityStatus status;

    @Column(name = "cancel_reason")
    public String cancelReason;

    /** The staff member who scheduled it. */
    public String organiser;

    @Version
    public long version;

    @Column(name = "created_at")
    public Instant createdAt;

    public boolean isFull() {
        return confirmedCount >= capacity;
    }

    public Duration duration() {
        return Duration.between(startsAt, endsAt);
    }
}
