package org.linkage.events.pairing;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.util.UUID;

/** The volunteer of a paused pairing is active again: the pairing is active again. */
public record PairingResumed(UUID pairingId, UUID beneficiaryRef, UUID volunteerId) implements PairingEvent {

    public static final String TYPE = "PairingResumed";

    public static PairingResumed of(UUID pairingId, UUID beneficiaryRef, UUID volunteerId) {
        return new PairingResumed(pairingId, beneficiaryRef, volunteerId);
    }

    @Override
    @JsonIgnore
    public String eventType() {
        return TYPE;
    }
}
