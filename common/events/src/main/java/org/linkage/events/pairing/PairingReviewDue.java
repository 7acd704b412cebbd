package org.linkage.events.pairing;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The periodic review of an active or paused pairing falls due soon: the child's responsible social worker is
 * reminded, once per due date.
 */
public record PairingReviewDue(UUID pairingId, String socialWorkerId, LocalDate reviewDueOn)
        implements PairingEvent {

    public static final String TYPE = "PairingReviewDue";

    /** @param socialWorkerId the child's responsible social worker, who is reminded */
    public static PairingReviewDue of(UUID pairingId, String socialWorkerId, LocalDate reviewDueOn) {
        return new PairingReviewDue(pairingId, socialWorkerId, reviewDueOn);
    }

    @Override
    @JsonIgnore
    public String eventType() {
        return TYPE;
    }
}
