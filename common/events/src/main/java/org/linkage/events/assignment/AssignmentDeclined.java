package org.linkage.events.assignment;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.util.UUID;

/** The volunteer declined the offer; matching moves on to the next candidate. */
public record AssignmentDeclined(
        UUID assignmentId,
        UUID needId,
        UUID volunteerId,
        String requestedBy,
        String reason) implements AssignmentEvent {

    public static final String TYPE = "AssignmentDeclined";

    public static AssignmentDeclined of(UUID assignmentId, UUID needId, UUID volunteerId, String requestedBy,
                                        String reason) {
        return new AssignmentDeclined(assignmentId, needId, volunteerId, requestedBy, reason);
    }

    @Override
    @JsonIgnore
    public String eventType() {
        return TYPE;
    }
}
