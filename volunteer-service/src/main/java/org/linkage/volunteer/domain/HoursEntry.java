package org.linkage.volunteer.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One line of the service-hours ledger; the database refuses to change or delete it. */
@Entity
@Immutable
@Table(name = "hours_entry")
public class HoursEntry {

    @Id
    public UUID id;

    @Column(name = "volunteer_id")
    public UUID volunteerId;

    @Enumerated(EnumType.STRING)
    public HoursSource source;

    @Column(name = "source_id")
    public UUID sourceId;

    @Column(name = "source_event_id")
    public UUID sourceEventId;

    @Column(name = "service_date")
    public LocalDate serviceDate;

    /** Negative only for a correction. */
    public BigDecimal hours;

    @Column(name = "confirmed_by")
    public String confirmedBy;

    public String reason;

    @Column(name = "recorded_at")
    public Instant recordedAt;

    /** The volunteer's group type when the entry was recorded: the monthly figures count it there. */
    @Column(name = "group_type")
    public String groupType;

    /** The volunteer's organisation when the entry was recorded. */
    public String organisation;
}
