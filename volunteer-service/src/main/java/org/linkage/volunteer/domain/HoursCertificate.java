package org.linkage.volunteer.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/** A service-hours certificate: the ledger entries of a period, as the issuing organisation attests them. */
@Entity
@Table(name = "hours_certificate")
public class HoursCertificate {

    @Id
    public UUID id;

    public String number;

    @Column(name = "volunteer_id")
    public UUID volunteerId;

    @Column(name = "period_from")
    public LocalDate periodFrom;

    @Column(name = "period_to")
    public LocalDate periodTo;

    @Column(name = "issuing_organisation")
    public String issuingOrganisation;

    @Column(name = "total_hours")
    public BigDecimal totalHours;

    @Column(name = "issued_at")
    public Instant issuedAt;

    /** The volunteer's star level when the certificate was issued. */
    @Column(name = "star_level")
    public int starLevel;

    /** The unguessable code the QR code carries to the public verification. */
    @Column(name = "verification_code")
    public String verificationCode;

    /** The PDF as issued; null once the volunteer's personal data is erased (or before a legacy one is read). */
    public byte[] pdf;

    /** Lower-case hex SHA-256 of {@link #pdf}. */
    @Column(name = "pdf_sha256")
    public String pdfSha256;

    /** When staff revoked this certificate alone; null while it is attested. */
    @Column(name = "revoked_at")
    public Instant revokedAt;

    /** Who revoked it (the staff member's id). */
    @Column(name = "revoked_by")
    public String revokedBy;

    @Column(name = "revocation_reason")
    public String revocationReason;

    /** Fixed at issue: entries recorded later do not change an issued certificate. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "hours_certificate_entry", joinColumns = @JoinColumn(name = "certificate_id"))
    @Column(name = "entry_id")
    public Set<UUID> entryIds = new HashSet<>();
}
