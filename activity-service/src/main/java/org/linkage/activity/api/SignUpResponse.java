package org.linkage.activity.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.linkage.activity.domain.CancelledBy;
import org.linkage.activity.domain.SignUpStatus;

import java.time.Instant;
import java.util.UUID;

@Schema(description = "A volunteer's place, or their place in the waitlist")
public record SignUpResponse(
        UUID id,
        UUID activityId,
        UUID volunteerId,
        SignUpStatus status,
        @Schema(description = "1 for the next in line; null unless WAITLISTED") Long waitlistPosition,
        @Schema(description = "Came off the waitlist") boolean promoted,
        CancelledBy cancelledBy,
        Instant createdAt,
        Instant updatedAt) {
}
