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

    /** Fixed at issue: entries recorded later do not change an issued certificate. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "hours_certificate_entry", joinColumns = @JoinColumn(name = "certificate_id"))
    @Column(name = "entry_id")
    public Set<UUID> entryIds = new HashSet<>();
}
