package org.linkage.events.pairing;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.util.UUID;

/** The pairing ended (with a reason), was declined, or was replaced by a new one (succeededBy). */
public record PairingEnded(UUID pairingId, UUID beneficiaryRef, UUID volunteerId, String reason, String endedBy,
        UUID succeededBy) implements PairingEvent {

    public static final String TYPE = "PairingEnded";

    public static PairingEnded of(UUID pairingId, UUID beneficiaryRef, UUID volunteerId, String reason,
            String endedBy, UUID succeededBy) {
        return new PairingEnded(pairingId, beneficiaryRef, volunteerId, reason, endedBy, succeededBy);
    }

    @Override
    @JsonIgnore
    public String eventType() {
        return TYPE;
    }
}
