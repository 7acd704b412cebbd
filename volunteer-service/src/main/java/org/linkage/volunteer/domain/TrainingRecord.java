package org.linkage.volunteer.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A volunteer's completion of a training course. */
@Entity
@Table(name = "training_record")
public class TrainingRecord {

    @Id
    public UUID id;

    @Column(name = "volunteer_id")
    public UUID volunteerId;

    @Column(name = "course_code")
    public String courseCode;

    @Column(name = "completed_on")
    public LocalDate completedOn;

    /** The last day it counts; null when it never lapses. */
    @Column(name = "valid_until")
    public LocalDate validUntil;

    @Column(name = "created_at")
    public Instant createdAt;

    public boolean isValidOn(LocalDate day) {
        return validUntil == null || !day.isAfter(validUntil);
    }
}
