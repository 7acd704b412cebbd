package org.linkage.events.need;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The social worker confirmed that a volunteer served a need; the hours are credited from this event. Published by
 * activity-service (which owns the need's completion) once per volunteer, keyed by need id.
 *
 * @param assignmentId the accepted assignment, as matching-service announced it
 * @param confirmedBy  the social worker who confirmed the volunteer's report
 */
public record AssignmentCompleted(UUID needId, UUID assignmentId, UUID volunteerId, LocalDate serviceDate,
                                  BigDecimal hours, String confirmedBy) implements NeedEvent {

    public static final String TYPE = "AssignmentCompleted";

    public static AssignmentCompleted of(UUID needId, UUID assignmentId, UUID volunteerId, LocalDate serviceDate,
                                         BigDecimal hours, String confirmedBy) {
        return new AssignmentCompleted(needId, assignmentId, volunteerId, serviceDate, hours, confirmedBy);
    }

    @Override
    @JsonIgnore
    public String eventType() {
        return TYPE;
    }
}
