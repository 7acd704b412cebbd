package org.linkage.events.assignment;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.util.UUID;

/** The social worker withdrew the offer; matching does not offer the need to anyone else by itself. */
public record AssignmentWithdrawn(
        UUID assignmentId,
        UUID needId,
        UUID volunteerId,
        String requestedBy) implements AssignmentEvent {

    public static final String TYPE = "AssignmentWithdrawn";

    public static AssignmentWithdrawn of(UUID assignmentId, UUID needId, UUID volunteerId, String requestedBy) {
        return new AssignmentWithdrawn(assignmentId, needId, volunteerId, requestedBy);
    }

    @Override
    @JsonIgnore
    public String eventType() {
        return TYPE;
    }
}
