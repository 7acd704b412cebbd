package org.linkage.activity.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.linkage.activity.domain.ActivityStatus;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(description = "An activity and how many places are left")
public record ActivityResponse(
        UUID id,
        UUID stationId,
        String title,
        String description,
        Instant startsAt,
        Instant endsAt,
        int capacity,
        @Schema(description = "Places taken") int confirmed,
        int placesLeft,
        List<String> requiredSkills,
        @Schema(description = "Certification types required, valid on the activity's day")
        List<String> requiredCertifications,
        @Schema(description = "Work with children: active volunteers with a background check only")
        boolean withChildren,
        ActivityStatus status,
        String cancelReason,
        String organiser,
        Instant createdAt) {
}
