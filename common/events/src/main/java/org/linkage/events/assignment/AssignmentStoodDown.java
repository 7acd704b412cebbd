package org.linkage.events.assignment;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.util.UUID;

/** The need was filled by others: this volunteer's open offer is closed and they need not come. */
public record AssignmentStoodDown(
        UUID assignmentId,
        UUID needId,
        UUID volunteerId,
        String requestedBy) implements AssignmentEvent {

    public static final String TYPE = "AssignmentStoodDown";

    public static AssignmentStoodDown of(UUID assignmentId, UUID needId, UUID volunteerId, String requestedBy) {
        return new AssignmentStoodDown(assignmentId, needId, volunteerId, requestedBy);
    }

    @Override
    @JsonIgnore
    public String eventType() {
        return TYPE;
    }
}
