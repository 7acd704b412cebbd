package org.linkage.matching.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.linkage.events.GeoPoint;
import org.linkage.events.TimeWindow;
import org.linkage.events.need.Urgency;

import java.time.Instant;
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

    public GeoPoint location() {
        return new GeoPoint(latitude, longitude);
    }

    public TimeWindow window() {
        return new TimeWindow(windowStart, windowEnd);
    }
}
