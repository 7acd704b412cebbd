package org.linkage.matching.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.linkage.events.GeoPoint;
import org.linkage.events.TimeWindow;
import org.linkage.events.need.Urgency;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A need as NeedRaised described it. */
@Entity
@Table(name = "need")
public class Need {

    @Id
    public UUID id;

    public String category;

    @Column(name = "required_skill")
    public String requiredSkill;

    public double latitude;

    public double longitude;

    @Column(name = "window_start")
    public Instant windowStart;

    @Column(name = "window_end")
    public Instant windowEnd;

    @Enumerated(EnumType.STRING)
    public Urgency urgency;

    @Column(name = "volunteers_needed")
    public int volunteersNeeded;

    @Column(name = "requested_by")
    public String requestedBy;

    public String summary;

    @Column(name = "raised_at")
    public Instant raisedAt;

    @Column(name = "unmatched_at")
    public Instant unmatchedAt;

    /** How far an emergency's search for on-duty responders reaches now; null for other needs. */
    @Column(name = "search_radius_metres")
    public Integer searchRadiusMetres;

    /** When an emergency nobody has accepted yet widens its search; null when no widening is due. */
    @Column(name = "widen_at")
    public Instant widenAt;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "required_certifications")
    public List<String> requiredCertifications = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "required_training")
    public List<String> requiredTraining = new ArrayList<>();

    /** Volunteer group types the need is restricted to; empty for anyone. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "volunteer_groups")
    public List<String> volunteerGroups = new ArrayList<>();

    /** How far from the place a volunteer may live; null for the service's default. */
    @Column(name = "radius_metres")
    public Integer radiusMetres;

    @Column(name = "care_category")
    public String careCategory;

    /** An opaque id of the beneficiary, so that whoever served them before is offered first. */
    @Column(name = "beneficiary_ref")
    public UUID beneficiaryRef;

    /** When the need must be matched at the latest; null for the window's start. */
    public Instant deadline;

    @Column(name = "estimated_hours")
    public Double estimatedHours;

    public String community;

    @Column(name = "cancelled_at")
    public Instant cancelledAt;

    /** When the need escalates if it still lacks volunteers; null once it has them or has escalated. */
    @Column(name = "escalate_at")
    public Instant escalateAt;

    public GeoPoint location() {
        return new GeoPoint(latitude, longitude);
    }

    public TimeWindow window() {
        return new TimeWindow(windowStart, windowEnd);
    }

    /** The hours a volunteer spends on it: as estimated, or else the whole window. */
    public double hours() {
        return estimatedHours != null ? estimatedHours : Duration.between(windowStart, windowEnd).toMinutes() / 60.0;
    }

    public Instant matchBy() {
        return deadline != null ? deadline : windowStart;
    }
}
