package org.linkage.activity.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A beneficiary's (or their guardian's) consent to a kind of help, as the social worker recorded it. */
@Entity
@Table(name = "beneficiary_consent")
public class Consent {

    @Id
    public UUID id;

    @Column(name = "beneficiary_id")
    public UUID beneficiaryId;

    /** The name of the person who consented. */
    @Column(name = "given_by")
    public String givenBy;

    @Enumerated(EnumType.STRING)
    public ConsentRelation relation;

    /** A need category code: consent covers needs of that category. */
    public String purpose;

    @Column(name = "given_at")
    public Instant givenAt;

    @Column(name = "recorded_by")
    public String recordedBy;

    @Column(name = "recorded_at")
    public Instant recordedAt;
}
