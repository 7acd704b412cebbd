package org.linkage.events.pairing;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The responsible social worker held the periodic review of an active pairing; the notes stay in activity-service.
 */
public record PairingReviewed(UUID pairingId, UUID reviewId, String reviewedBy, LocalDate nextReviewOn)
        implements PairingEvent {

    public static final String TYPE = "PairingReviewed";

    public static PairingReviewed of(UUID pairingId, UUID reviewId, String reviewedBy, LocalDate nextReviewOn) {
        return new PairingReviewed(pairingId, reviewId, reviewedBy, nextReviewOn);
    }

    @Override
    @JsonIgnore
    public String eventType() {
        return TYPE;
    }
}
