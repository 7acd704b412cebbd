package org.linkage.activity.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.linkage.activity.domain.ActivityStatus;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(description = "An activity and how many places are left")
public record ActivityResponse(
        @Schema(required = true) UUID id,
        @Schema(required = true) UUID stationId,
        @Schema(required = true) String title,
        @Schema(required = true, nullable = true) String description,
        @Schema(required = true) Instant startsAt,
        @Schema(required = true) Instant endsAt,
        @Schema(required = true) int capacity,
        @Schema(required = true, description = "Places taken") int confirmed,
        @Schema(required = true) int placesLeft,
        @Schema(required = true) List<String> requiredSkills,
        @Schema(required = true, description = "Certification types required, valid on the activity's day")
        List<String> requiredCertifications,
        @Schema(required = true, description = "Work with children: active volunteers with a background check only")
        boolean withChildren,
        @Schema(required = true) ActivityStatus status,
        @Schema(required = true, nullable = true) String cancelReason,
        @Schema(required = true) String organiser,
        @Schema(required = true) Instant createdAt,
        @Schema(required = true, description = "The volunteer groups who may sign up; empty for everyone",
                examples = "[\"PARTY_MEMBER\"]")
        List<String> audience) {
}
