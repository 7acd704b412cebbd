package org.linkage.activity.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.linkage.activity.domain.HazardStatus;
import org.linkage.chassis.web.Coordinates;

import java.time.Instant;
import java.util.UUID;

@Schema(description = "A hazard report; the photo is fetched from photoUrl")
public record HazardReportResponse(
        UUID id,
        String category,
        String description,
        Coordinates location,
        String community,
        UUID reportedBy,
        Instant reportedAt,
        HazardStatus status,
        String severity,
        String triagedBy,
        String assignee,
        String resolution,
        Instant resolvedAt,
        @Schema(description = "The earlier report of probably the same hazard (close by, a few hours before)")
        UUID likelyDuplicateOf,
        @Schema(examples = "/api/v1/hazard-reports/5d1c.../photo") String photoUrl) {
}
