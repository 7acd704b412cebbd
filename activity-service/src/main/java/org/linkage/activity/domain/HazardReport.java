package org.linkage.activity.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.linkage.events.GeoPoint;

import java.time.Instant;
import java.util.UUID;

/** Something dangerous on the street, photographed by a volunteer and followed by staff to resolution. */
@Entity
@Table(name = "hazard_report")
public class HazardReport {

    @Id
    public UUID id;

    public String category;

    public String description;

    public double latitude;

    public double longitude;

    public String community;

    @Column(name = "reported_by")
    public UUID reportedBy;

    @Column(name = "reported_at")
    public Instant reportedAt;

    @Enumerated(EnumType.STRING)
    public HazardStatus status;

    /** LOW, MEDIUM or HIGH, set at triage. */
    public String severity;

    @Column(name = "triaged_by")
    public String triagedBy;

    public String assignee;

    public String resolution;

    @Column(name = "resolved_at")
    public Instant resolvedAt;

    /** The first report of what is probably the same hazard: close by and shortly before. */
    @Column(name = "likely_duplicate_of")
    public UUID likelyDuplicateOf;

    @Version
    public long version;

    public GeoPoint location() {
        return new GeoPoint(latitude, longitude);
    }
}
