package org.linkage.events.assignment;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;
import java.util.UUID;

/**
 * An open assignment ran out: an offer the volunteer did not answer in time (matching moves on to the next
 * candidate), or a volunteer's own offer the social worker had not confirmed when the need began (no one else is
 * offered it for that).
 *
 * @param expiredAt     when it ran out
 * @param volunteerOffer whether it was the volunteer's own offer; absent (false) in events published before the field
 *                      existed
 */
public record AssignmentExpired(
        UUID assignmentId,
        UUID needId,
        UUID volunteerId,
        String requestedBy,
        Instant expiredAt,
        boolean volunteerOffer) implements AssignmentEvent {

    public static final String TYPE = "AssignmentExpired";

    public static AssignmentExpired of(UUID assignmentId, UUID needId, UUID volunteerId, String requestedBy,
                                       Instant expiredAt, boolean volunteerOffer) {
        return new AssignmentExpired(assignmentId, needId, volunteerId, requestedBy, expiredAt, volunteerOffer);
    }

    @Override
    @JsonIgnore
    public String eventType() {
        return TYPE;
    }
}
