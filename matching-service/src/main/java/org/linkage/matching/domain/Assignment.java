package org.linkage.matching.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/** One offer of a need to one volunteer, and the volunteer's answer. */
@Entity
@Table(name = "assignment")
public class Assignment {

    @Id
    public UUID id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "need_id")
    public Need need;

    @Column(name = "volunteer_id")
    public UUID volunteerId;

    @Enumerated(EnumType.STRING)
    public AssignmentStatus status;

    /** 1 for the first candidate the need was offered to, counting up with every further offer of it. */
    public int rank;

    /** Null when assigned by hand to a volunteer whose home matching does not know. */
    @Column(name = "distance_metres")
    public Integer distanceMetres;

    /** The need's time window, kept here so that PostgreSQL refuses overlapping accepted assignments. */
    @Column(name = "window_start")
    public Instant windowStart;

    @Column(name = "window_end")
    public Instant windowEnd;

    @Column(name = "offered_at")
    public Instant offeredAt;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "answered_at")
    public Instant answeredAt;

    @Column(name = "decline_reason")
    public String declineReason;

    /** Counted against the volunteer's weekly hours cap once accepted. */
    public double hours;

    /** The ranking score; null when assigned by hand. */
    public Double score;

    /** Why this volunteer: the constraints met and the score's parts. */
    @JdbcTypeCode(SqlTypes.JSON)
    public OfferReasons reasons;

}
