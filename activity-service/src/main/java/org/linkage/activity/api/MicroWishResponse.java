package org.linkage.activity.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.linkage.activity.domain.MicroWishStatus;

import java.time.Instant;
import java.util.UUID;

@Schema(description = "A micro-wish and how long it waited")
public record MicroWishResponse(
        UUID id,
        String title,
        String description,
        String community,
        String postedBy,
        UUID beneficiaryId,
        MicroWishStatus status,
        @Schema(description = "Whole days it waited (or has waited so far) to be claimed") long daysOpen,
        UUID claimedBy,
        Instant claimedAt,
        String fulfilmentNote,
        String photoUrl,
        Instant fulfilledAt,
        String confirmedBy,
        Instant confirmedAt,
        Instant createdAt) {
}
