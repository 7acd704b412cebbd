package org.linkage.activity.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A periodic review of a pairing by the responsible social worker: how it goes, and when to look again. */
@Entity
@Table(name = "pairing_review")
public class PairingReview {

    @Id
    public UUID id;

    @Column(name = "pairing_id")
    public UUID pairingId;

    @Column(name = "reviewed_by")
    public String reviewedBy;

    @Column(name = "reviewed_at")
    public Instant reviewedAt;

    public String notes;

    @Column(name = "next_review_on")
    public LocalDate nextReviewOn;
}
