package org.linkage.events.pairing;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;
import java.util.UUID;

/**
 * A session of an active pairing was scheduled (no place travels: a home visit's address is shown in the app only
 * during the session).
 */
public record PairingSessionScheduled(UUID pairingId, UUID sessionId, UUID volunteerId, String kind,
        Instant startsAt, Instant endsAt) implements PairingEvent {

    public static final String TYPE = "PairingSessionScheduled";

    public static PairingSessionScheduled of(UUID pairingId, UUID sessionId, UUID volunteerId, String kind,
            Instant startsAt, Instant endsAt) {
        return new PairingSessionScheduled(pairingId, sessionId, volunteerId, kind, startsAt, endsAt);
    }

    @Override
    @JsonIgnore
    public String eventType() {
        return TYPE;
    }
}
