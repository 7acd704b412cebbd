package org.linkage.activity.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.linkage.activity.domain.HazardStatus;
import org.linkage.chassis.web.Coordinates;

import java.time.Instant;
import java.util.UUID;

@Schema(description = "A hazard report; the photo is fetched from photoUrl")
public record HazardReportResponse(
        @Schema(required = true) UUID id,
        @Schema(required = true) String category,
        @Schema(required = true, nullable = true) String description,
        @Schema(required = true) Coordinates location,
        @Schema(required = true, nullable = true) String community,
        @Schema(required = true) UUID reportedBy,
        @Schema(required = true) Instant reportedAt,
        @Schema(required = true) HazardStatus status,
        @Schema(required = true, nullable = true) String severity,
        @Schema(required = true, nullable = true) String triagedBy,
        @Schema(required = true, nullable = true) String assignee,
        @Schema(required = true, nullable = true) String resolution,
        @Schema(required = true, nullable = true) Instant resolvedAt,
        @Schema(required = true, nullable = true,
                description = "The earlier report of probably the same hazard (close by, a few hours before)")
        UUID likelyDuplicateOf,
        @Schema(required = true, examples = "/api/v1/hazard-reports/5d1c.../photo") String photoUrl) {
}
