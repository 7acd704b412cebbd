package org.linkage.volunteer.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

@Entity
@Table(name = "certification")
public class Certification {

    @Id
    public UUID id;

    @Column(name = "volunteer_id")
    public UUID volunteerId;

    public String type;

    public String number;

    public String issuer;

    @Column(name = "issued_on")
    public LocalDate issuedOn;

    /** The first day the certification no longer counts. */
    @Column(name = "expires_on")
    public LocalDate expiresOn;

    @Column(name = "document_ref")
    public String documentRef;

    @Enumerated(EnumType.STRING)
    public Verification verification;

    @Column(name = "verification_reason")
    public String verificationReason;

    @Column(name = "verified_at")
    public Instant verifiedAt;

    @Column(name = "expiring_notified_at")
    public Instant expiringNotifiedAt;

    @Column(name = "expired_notified_at")
    public Instant expiredNotifiedAt;

    @Column(name = "created_at")
    public Instant createdAt;

    /** Whether it counts on that day: verified by staff and not yet expired. */
    public boolean isValidOn(LocalDate day) {
        return verification == Verification.VERIFIED && day.isBefore(expiresOn);
    }
}
