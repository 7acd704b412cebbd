package org.linkage.events.need;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.util.UUID;

/** The social worker cancelled a need: open offers are withdrawn and accepted volunteers are told. */
public record NeedCancelled(UUID needId, String requestedBy, String reason) implements NeedEvent {

    public static final String TYPE = "NeedCancelled";

    public static NeedCancelled of(UUID needId, String requestedBy, String reason) {
        return new NeedCancelled(needId, requestedBy, reason);
    }

    @Override
    @JsonIgnore
    public String eventType() {
        return TYPE;
    }
}
