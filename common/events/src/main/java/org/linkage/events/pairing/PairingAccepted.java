package org.linkage.events.pairing;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.util.UUID;

/** The volunteer accepted the confirmed and consented pairing. */
public record PairingAccepted(UUID pairingId, UUID volunteerId) implements PairingEvent {

    public static final String TYPE = "PairingAccepted";

    public static PairingAccepted of(UUID pairingId, UUID volunteerId) {
        return new PairingAccepted(pairingId, volunteerId);
    }

    @Override
    @JsonIgnore
    public String eventType() {
        return TYPE;
    }
}
