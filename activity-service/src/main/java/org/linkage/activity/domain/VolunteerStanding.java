package org.linkage.activity.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A volunteer as volunteer-service's events describe them: active or not (pending, suspended...), erased, skills. */
@Entity
@Table(name = "volunteer_standing")
public class VolunteerStanding {

    @Id
    @Column(name = "volunteer_id")
    public UUID volunteerId;

    public boolean active;

    public boolean erased;

    /** The skill codes of the volunteer's newest registration or change. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> skills = new ArrayList<>();

    /** The volunteer group of the newest registration or change; null when none (or an older event's). */
    @Column(name = "group_type")
    public String groupType;

    @Column(name = "as_of")
    public Instant asOf;
}
