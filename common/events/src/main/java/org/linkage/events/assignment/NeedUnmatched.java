package org.linkage.events.assignment;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.util.UUID;

/** Nobody (more) can take the need: the social worker who raised it must step in. */
public record NeedUnmatched(
        UUID needId,
        String requestedBy,
        String reason,
        int candidatesTried) implements AssignmentEvent {

    public static final String TYPE = "NeedUnmatched";

    public static NeedUnmatched of(UUID needId, String requestedBy, String reason, int candidatesTried) {
        return new NeedUnmatched(needId, requestedBy, reason, candidatesTried);
    }

    @Override
    @JsonIgnore
    public String eventType() {
        return TYPE;
    }
}
