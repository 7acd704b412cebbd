package org.linkage.events.assignment;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.util.UUID;

/**
 * The volunteer accepted the offer: the need is assigned to them. Only the volunteer's id: the social worker reads the
 * name from volunteer-service (older events carried a {@code volunteerName}, which consumers ignore).
 */
public record AssignmentAccepted(
        UUID assignmentId,
        UUID needId,
        UUID volunteerId,
        String requestedBy) implements AssignmentEvent {

    public static final String TYPE = "AssignmentAccepted";

    public static AssignmentAccepted of(UUID assignmentId, UUID needId, UUID volunteerId, String requestedBy) {
        return new AssignmentAccepted(assignmentId, needId, volunteerId, requestedBy);
    }

    @Override
    @JsonIgnore
    public String eventType() {
        return TYPE;
    }
}
