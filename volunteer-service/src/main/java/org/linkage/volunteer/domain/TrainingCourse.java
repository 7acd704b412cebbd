package org.linkage.volunteer.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.LocalDate;

/** A course of the training catalogue; needs may require one. */
@Entity
@Table(name = "training_course")
public class TrainingCourse extends CatalogueEntry {

    /** How long a completion counts; null when it never lapses. */
    @Column(name = "validity_months")
    public Integer validityMonths;

    /** The last day a completion on that day counts by default; null when it never lapses. */
    public LocalDate defaultValidUntil(LocalDate completedOn) {
        return validityMonths == null ? null : completedOn.plusMonths(validityMonths).minusDays(1);
    }
}
