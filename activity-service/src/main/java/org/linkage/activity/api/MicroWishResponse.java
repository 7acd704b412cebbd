package org.linkage.activity.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.linkage.activity.domain.MicroWishStatus;

import java.time.Instant;
import java.util.UUID;

@Schema(description = "A micro-wish and how long it waited")
public record MicroWishResponse(
        @Schema(required = true) UUID id,
        @Schema(required = true) String title,
        @Schema(required = true, nullable = true) String description,
        @Schema(required = true) String community,
        @Schema(required = true) String postedBy,
        @Schema(required = true, nullable = true) UUID beneficiaryId,
        @Schema(required = true) MicroWishStatus status,
        @Schema(required = true,
                description = "Whole days it waited (or has waited so far) to be claimed") long daysOpen,
        @Schema(required = true, nullable = true) UUID claimedBy,
        @Schema(required = true, nullable = true) Instant claimedAt,
        @Schema(required = true, nullable = true) String fulfilmentNote,
        @Schema(required = true, nullable = true) String photoUrl,
        @Schema(required = true, nullable = true) Instant fulfilledAt,
        @Schema(required = true, nullable = true) String confirmedBy,
        @Schema(required = true, nullable = true) Instant confirmedAt,
        @Schema(required = true) Instant createdAt) {
}
