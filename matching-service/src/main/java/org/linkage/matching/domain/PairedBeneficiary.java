package org.linkage.matching.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A beneficiary in an active one-to-one pairing (from activity-service's events): their volunteer serves them. */
@Entity
@Table(name = "paired_beneficiary")
public class PairedBeneficiary {

    @Id
    @Column(name = "beneficiary_ref")
    public UUID beneficiaryRef;

    @Column(name = "pairing_id")
    public UUID pairingId;

    @Column(name = "volunteer_id")
    public UUID volunteerId;

    @Column(name = "active_since")
    public Instant activeSince;
}
