package org.linkage.activity.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** The consent to one pairing (the guardian's, for a minor): who, in what relation, when and how; revocable. */
@Entity
@Table(name = "pairing_consent")
public class PairingConsent {

    @Id
    public UUID id;

    @Column(name = "pairing_id")
    public UUID pairingId;

    @Column(name = "given_by")
    public String givenBy;

    @Enumerated(EnumType.STRING)
    public ConsentRelation relation;

    @Enumerated(EnumType.STRING)
    public ConsentMethod method;

    @Column(name = "given_at")
    public Instant givenAt;

    @Column(name = "recorded_by")
    public String recordedBy;

    @Column(name = "recorded_at")
    public Instant recordedAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    @Column(name = "revoked_by")
    public String revokedBy;

    @Column(name = "revocation_reason")
    public String revocationReason;
}
