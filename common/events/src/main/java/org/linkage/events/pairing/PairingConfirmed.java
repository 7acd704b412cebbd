package org.linkage.events.pairing;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.util.UUID;

/** The child's responsible social worker confirmed the proposed pairing. */
public record PairingConfirmed(UUID pairingId, UUID beneficiaryRef, UUID volunteerId, String confirmedBy)
        implements PairingEvent {

    public static final String TYPE = "PairingConfirmed";

    public static PairingConfirmed of(UUID pairingId, UUID beneficiaryRef, UUID volunteerId, String confirmedBy) {
        return new PairingConfirmed(pairingId, beneficiaryRef, volunteerId, confirmedBy);
    }

    @Override
    @JsonIgnore
    public String eventType() {
        return TYPE;
    }
}
