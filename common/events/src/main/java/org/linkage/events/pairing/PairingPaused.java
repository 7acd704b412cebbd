package org.linkage.events.pairing;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.util.UUID;

/**
 * The volunteer of an active pairing was suspended (or is otherwise no longer active): the pairing pauses until
 * they are active again; the responsible social worker is to be told.
 */
public record PairingPaused(UUID pairingId, UUID beneficiaryRef, UUID volunteerId, String socialWorkerId,
                            String reason) implements PairingEvent {

    public static final String TYPE = "PairingPaused";

    /** @param socialWorkerId the child's responsible social worker, who is told */
    public static PairingPaused of(UUID pairingId, UUID beneficiaryRef, UUID volunteerId, String socialWorkerId,
                                   String reason) {
        return new PairingPaused(pairingId, beneficiaryRef, volunteerId, socialWorkerId, reason);
    }

    @Override
    @JsonIgnore
    public String eventType() {
        return TYPE;
    }
}
