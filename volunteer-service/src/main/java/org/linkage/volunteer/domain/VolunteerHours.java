package org.linkage.volunteer.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A volunteer's running total of the ledger and the star level it gives. */
@Entity
@Table(name = "volunteer_hours")
public class VolunteerHours {

    @Id
    @Column(name = "volunteer_id")
    public UUID volunteerId;

    @Column(name = "lifetime_hours")
    public BigDecimal lifetimeHours;

    @Column(name = "star_level")
    public int starLevel;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
