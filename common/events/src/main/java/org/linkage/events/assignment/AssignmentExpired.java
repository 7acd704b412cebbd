package org.linkage.events.assignment;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;
import java.util.UUID;

/**
 * The volunteer did not answer the offer in time; matching moves on to the next candidate.
 *
 * @param expiredAt when the offer ran out
 */
public record AssignmentExpired(
        UUID assignmentId,
        UUID needId,
        UUID volunteerId,
        String requestedBy,
        Instant expiredAt) implements AssignmentEvent {

    public static final String TYPE = "AssignmentExpired";

    public static AssignmentExpired of(UUID assignmentId, UUID needId, UUID volunteerId, String requestedBy,
                                       Instant expiredAt) {
        return new AssignmentExpired(assignmentId, needId, volunteerId, requestedBy, expiredAt);
    }

    @Override
    @JsonIgnore
    public String eventType() {
        return TYPE;
    }
}
