package org.linkage.activity.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

@Schema(description = "A periodic review of a pairing")
public record ReviewResponse(UUID id, UUID pairingId, String reviewedBy, Instant reviewedAt, String notes,
                             LocalDate nextReviewOn) {
}
