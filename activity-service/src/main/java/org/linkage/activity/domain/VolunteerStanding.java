package org.linkage.activity.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A volunteer as volunteer-service's events describe them: active or not (pending, suspended...), erased. */
@Entity
@Table(name = "volunteer_standing")
public class VolunteerStanding {

    @Id
    @Column(name = "volunteer_id")
    public UUID volunteerId;

    public boolean active;

    public boolean erased;

    @Column(name = "as_of")
    public Instant asOf;
}
