package org.linkage.activity.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.linkage.activity.domain.CancelledBy;
import org.linkage.activity.domain.SignUpStatus;

import java.time.Instant;
import java.util.UUID;

@Schema(description = "A volunteer's place, or their place in the waitlist")
public record SignUpResponse(
        @Schema(required = true) UUID id,
        @Schema(required = true) UUID activityId,
        @Schema(required = true) UUID volunteerId,
        @Schema(required = true) SignUpStatus status,
        @Schema(required = true, nullable = true,
                description = "1 for the next in line; null unless WAITLISTED") Long waitlistPosition,
        @Schema(required = true, description = "Came off the waitlist") boolean promoted,
        @Schema(required = true, nullable = true) CancelledBy cancelledBy,
        @Schema(required = true) Instant createdAt,
        @Schema(required = true) Instant updatedAt) {
}
