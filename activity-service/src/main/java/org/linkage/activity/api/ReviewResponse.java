package org.linkage.activity.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

@Schema(description = "A periodic review of a pairing")
public record ReviewResponse(
        @Schema(required = true) UUID id,
        @Schema(required = true) UUID pairingId,
        @Schema(required = true) String reviewedBy,
        @Schema(required = true) Instant reviewedAt,
        @Schema(required = true) String notes,
        @Schema(required = true, nullable = true) LocalDate nextReviewOn) {
}
