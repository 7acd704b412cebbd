package org.linkage.events.pairing;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;
import java.util.UUID;

/** The consent to the pairing was revoked: its future sessions are cancelled and the pairing ends. */
public record PairingConsentRevoked(UUID pairingId, UUID consentId, Instant revokedAt, String recordedBy)
        implements PairingEvent {

    public static final String TYPE = "PairingConsentRevoked";

    public static PairingConsentRevoked of(UUID pairingId, UUID consentId, Instant revokedAt, String recordedBy) {
        return new PairingConsentRevoked(pairingId, consentId, revokedAt, recordedBy);
    }

    @Override
    @JsonIgnore
    public String eventType() {
        return TYPE;
    }
}
