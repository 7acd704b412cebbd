package org.linkage.events.assignment;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.util.UUID;

/**
 * An open assignment was taken back; matching does not offer the need to anyone else by itself. Staff take back an
 * offer (or a volunteer's own offer they do not take up, or every assignment of a cancelled need): the volunteer is
 * told. A volunteer takes back their own offer: the need's social worker is told.
 *
 * @param withdrawnBy who took it back; absent in events published before the field existed, which were all staff's
 */
public record AssignmentWithdrawn(
        UUID assignmentId,
        UUID needId,
        UUID volunteerId,
        String requestedBy,
        Withdrawer withdrawnBy) implements AssignmentEvent {

    public static final String TYPE = "AssignmentWithdrawn";

    /** Who took the assignment back. */
    public enum Withdrawer { STAFF, VOLUNTEER }

    public static AssignmentWithdrawn of(UUID assignmentId, UUID needId, UUID volunteerId, String requestedBy,
                                         Withdrawer withdrawnBy) {
        return new AssignmentWithdrawn(assignmentId, needId, volunteerId, requestedBy, withdrawnBy);
    }

    /** Whether the volunteer took back their own offer (rather than staff taking back one made to them). */
    @JsonIgnore
    public boolean byVolunteer() {
        return withdrawnBy == Withdrawer.VOLUNTEER;
    }

    @Override
    @JsonIgnore
    public String eventType() {
        return TYPE;
    }
}
