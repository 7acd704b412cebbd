package org.linkage.activity.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A volunteer who accepted a need (as matching-service announced), their report and their confirmed hours. */
@Entity
@Table(name = "need_assignment")
public class NeedAssignment {

    @Id
    @Column(name = "assignment_id")
    public UUID assignmentId;

    @Column(name = "volunteer_id")
    public UUID volunteerId;

    @Column(name = "accepted_at")
    public Instant acceptedAt;

    /** What the volunteer says they did. */
    public String report;

    @Column(name = "reported_hours")
    public BigDecimal reportedHours;

    @Column(name = "reported_at")
    public Instant reportedAt;

    /** Set when the social worker completes the need; the hours credited. */
    @Column(name = "confirmed_hours")
    public BigDecimal confirmedHours;
}
