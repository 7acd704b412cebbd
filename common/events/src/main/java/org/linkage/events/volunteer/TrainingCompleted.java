package org.linkage.events.volunteer;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A volunteer completed a training course; needs may require it.
 *
 * @param validUntil the last day the course counts (a first-aid refresher lapses); null when it never lapses
 */
public record TrainingCompleted(UUID volunteerId, String courseCode, LocalDate completedOn, LocalDate validUntil)
        implements VolunteerEvent {

    public static final String TYPE = "TrainingCompleted";

    public static TrainingCompleted of(UUID volunteerId, String courseCode, LocalDate completedOn, LocalDate validUntil) {
        return new TrainingCompleted(volunteerId, courseCode, completedOn, validUntil);
    }

    @Override
    @JsonIgnore
    public String eventType() {
        return TYPE;
    }
}
