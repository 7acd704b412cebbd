package org.linkage.events.assignment;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.util.UUID;

/** The volunteer accepted the offer: the need is assigned to them. */
public record AssignmentAccepted(
        UUID assignmentId,
        UUID needId,
        UUID volunteerId,
        String requestedBy,
        String volunteerName) implements AssignmentEvent {

    public static final String TYPE = "AssignmentAccepted";

    public static AssignmentAccepted of(UUID assignmentId, UUID needId, UUID volunteerId, String requestedBy,
                                        String volunteerName) {
        return new AssignmentAccepted(assignmentId, needId, volunteerId, requestedBy, volunteerName);
    }

    @Override
    @JsonIgnore
    public String eventType() {
        return TYPE;
    }
}
