package org.linkage.activity.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.LocalDate;
import java.util.UUID;

/** A recurring need. The row is its timer: the next occurrence is raised once {@link #nextDueAt} has passed. */
@Entity
@Table(name = "need_series")
public class NeedSeries {

    @Id
    public UUID id;

    /** The first occurrence; the others copy it. */
    @Column(name = "template_need_id")
    public UUID templateNeedId;

    @Enumerated(EnumType.STRING)
    public Recurrence frequency;

    /** The last day (district time) an occurrence may start on; null for no end. */
    public LocalDate until;

    /** How many occurrences were raised so far, the first included. */
    public int occurrences;

    /** When to raise the next occurrence; null once the series is over. */
    @Column(name = "next_due_at")
    public Instant nextDueAt;

    @Version
    public long version;

    /** Sets when to raise occurrence number {@link #occurrences}, or ends the series once it falls after until. */
    public void scheduleNext(Instant firstStart, ZoneId zone, Duration lead) {
        Instant next = frequency.occurrence(firstStart, zone, occurrences);
        nextDueAt = until != null && next.atZone(zone).toLocalDate().isAfter(until) ? null : next.minus(lead);
    }
}
