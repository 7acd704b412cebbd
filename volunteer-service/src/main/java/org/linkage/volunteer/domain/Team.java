package org.linkage.volunteer.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A service team (elder care, riders' first aid, children's tutoring) led by a social worker. */
@Entity
@Table(name = "team")
public class Team {

    @Id
    public UUID id;

    public String name;

    public String description;

    @Column(name = "leader_id")
    public String leaderId;

    @Column(name = "created_at")
    public Instant createdAt;
}
