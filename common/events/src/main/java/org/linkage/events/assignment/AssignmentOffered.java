package org.linkage.events.assignment;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.linkage.events.GeoPoint;
import org.linkage.events.TimeWindow;
import org.linkage.events.need.Urgency;

import java.time.Instant;
import java.util.UUID;

/**
 * A need was offered to one volunteer, who may accept or decline until {@code expiresAt}.
 *
 * @param area the need's place coarsened to about a kilometre; the address comes once the volunteer accepts
 */
public record AssignmentOffered(
        UUID assignmentId,
        UUID needId,
        UUID volunteerId,
        String requestedBy,
        String category,
        Urgency urgency,
        TimeWindow window,
        GeoPoint area,
        String summary,
        Instant expiresAt) implements AssignmentEvent {

    public static final String TYPE = "AssignmentOffered";

    public static AssignmentOffered of(UUID assignmentId, UUID needId, UUID volunteerId, String requestedBy,
                                       String category, Urgency urgency, TimeWindow window, GeoPoint location,
                                       String summary, Instant expiresAt) {
        return new AssignmentOffered(assignmentId, needId, volunteerId, requestedBy, category, urgency, window,
                location == null ? null : location.coarse(), summary, expiresAt);
    }

    @Override
    @JsonIgnore
    public String eventType() {
        return TYPE;
    }
}
