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

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A one-to-one pairing of a beneficiary with a volunteer; see {@link PairingStatus} for its lifecycle. */
@Entity
@Table(name = "pairing")
public class Pairing {

    @Id
    public UUID id;

    @Column(name = "proposal_id")
    public UUID proposalId;

    @Column(name = "beneficiary_id")
    public UUID beneficiaryId;

    @Column(name = "volunteer_id")
    public UUID volunteerId;

    public String community;

    public String category;

    @Column(name = "required_skill")
    public String requiredSkill;

    public Double score;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> reasons = new ArrayList<>();

    @Column(name = "proposed_by")
    public String proposedBy;

    @Column(name = "proposed_at")
    public Instant proposedAt;

    @Enumerated(EnumType.STRING)
    public PairingStatus status;

    @Column(name = "confirmed_by")
    public String confirmedBy;

    @Column(name = "confirmed_at")
    public Instant confirmedAt;

    @Column(name = "accepted_at")
    public Instant acceptedAt;

    @Column(name = "activated_by")
    public String activatedBy;

    @Column(name = "activated_at")
    public Instant activatedAt;

    @Column(name = "starts_on")
    public LocalDate startsOn;

    @Column(name = "ends_on")
    public LocalDate endsOn;

    /** When the responsible social worker is next to review the active pairing. */
    @Column(name = "next_review_on")
    public LocalDate nextReviewOn;

    /** The review due date the responsible social worker was last reminded of. */
    @Column(name = "review_reminded_for")
    public LocalDate reviewRemindedFor;

    @Column(name = "ended_by")
    public String endedBy;

    @Column(name = "ended_at")
    public Instant endedAt;

    @Column(name = "end_reason")
    public String endReason;

    @Column(name = "previous_pairing_id")
    public UUID previousPairingId;

    @Column(name = "succeeded_by")
    public UUID succeededBy;

    @Version
    public long version;

    /** Whether the day falls within the active period (both ends included). */
    public boolean covers(LocalDate day) {
        return startsOn != null && !day.isBefore(startsOn) && !day.isAfter(endsOn);
    }
}
