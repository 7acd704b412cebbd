package org.linkage.events.pairing;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** The social worker confirmed a session's check-out; the hours are credited from this event. */
public record PairingSessionCompleted(UUID pairingId, UUID sessionId, UUID volunteerId, Instant checkedInAt,
        Instant checkedOutAt, LocalDate serviceDate, BigDecimal hours, String confirmedBy) implements PairingEvent {

    public static final String TYPE = "PairingSessionCompleted";

    public static PairingSessionCompleted of(UUID pairingId, UUID sessionId, UUID volunteerId, Instant checkedInAt,
            Instant checkedOutAt, LocalDate serviceDate, BigDecimal hours, String confirmedBy) {
        return new PairingSessionCompleted(pairingId, sessionId, volunteerId, checkedInAt, checkedOutAt,
                serviceDate, hours, confirmedBy);
    }

    @Override
    @JsonIgnore
    public String eventType() {
        return TYPE;
    }
}
