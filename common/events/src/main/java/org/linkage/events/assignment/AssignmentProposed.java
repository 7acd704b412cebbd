package org.linkage.events.assignment;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.util.UUID;

/**
 * A volunteer offered themselves for an open need; the need's social worker confirms (AssignmentAccepted) or
 * declines it. Ids only: the social worker reads the rest from the assignment.
 *
 * @param requestedBy the social worker who raised the need and is asked to confirm
 */
public record AssignmentProposed(
        UUID assignmentId,
        UUID needId,
        UUID volunteerId,
        String requestedBy) implements AssignmentEvent {

    public static final String TYPE = "AssignmentProposed";

    public static AssignmentProposed of(UUID assignmentId, UUID needId, UUID volunteerId, String requestedBy) {
        return new AssignmentProposed(assignmentId, needId, volunteerId, requestedBy);
    }

    @Override
    @JsonIgnore
    public String eventType() {
        return TYPE;
    }
}
