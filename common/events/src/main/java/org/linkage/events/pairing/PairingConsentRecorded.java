package org.linkage.events.pairing;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;
import java.util.UUID;

/** The guardian's (or an adult beneficiary's own) consent to this pairing was recorded; no name travels. */
public record PairingConsentRecorded(UUID pairingId, UUID consentId, String relation, String method,
        Instant givenAt, String recordedBy) implements PairingEvent {

    public static final String TYPE = "PairingConsentRecorded";

    public static PairingConsentRecorded of(UUID pairingId, UUID consentId, String relation, String method,
            Instant givenAt, String recordedBy) {
        return new PairingConsentRecorded(pairingId, consentId, relation, method, givenAt, recordedBy);
    }

    @Override
    @JsonIgnore
    public String eventType() {
        return TYPE;
    }
}
