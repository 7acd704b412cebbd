package org.linkage.events.pairing;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The social worker started the accepted pairing for a period; matching offers the beneficiary's needs to this
 * volunteer only while it is active.
 */
public record PairingActivated(UUID pairingId, UUID beneficiaryRef, UUID volunteerId, LocalDate startsOn,
        LocalDate endsOn, String activatedBy) implements PairingEvent {

    public static final String TYPE = "PairingActivated";

    public static PairingActivated of(UUID pairingId, UUID beneficiaryRef, UUID volunteerId, LocalDate startsOn,
            LocalDate endsOn, String activatedBy) {
        return new PairingActivated(pairingId, beneficiaryRef, volunteerId, startsOn, endsOn, activatedBy);
    }

    @Override
    @JsonIgnore
    public String eventType() {
        return TYPE;
    }
}
