package org.linkage.events.pairing;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.util.UUID;

/** A scheduled session was cancelled (by staff, or because the consent was revoked or the pairing ended). */
public record PairingSessionCancelled(UUID pairingId, UUID sessionId, UUID volunteerId, String reason)
        implements PairingEvent {

    public static final String TYPE = "PairingSessionCancelled";

    public static PairingSessionCancelled of(UUID pairingId, UUID sessionId, UUID volunteerId, String reason) {
        return new PairingSessionCancelled(pairingId, sessionId, volunteerId, reason);
    }

    @Override
    @JsonIgnore
    public String eventType() {
        return TYPE;
    }
}
