package org.linkage.activity.mapping;

import org.linkage.activity.api.HazardReportResponse;
import org.linkage.activity.domain.HazardReport;
import org.linkage.chassis.web.Coordinates;

public final class HazardReportMapper {

    public static HazardReportResponse toResponse(HazardReport hazard) {
        return new HazardReportResponse(hazard.id, hazard.category, hazard.description,
                new Coordinates(hazard.latitude, hazard.longitude), hazard.community, hazard.reportedBy,
                hazard.reportedAt, hazard.status, hazard.severity, hazard.triagedBy, hazard.assignee,
                hazard.resolution, hazard.resolvedAt, hazard.likelyDuplicateOf,
                "/api/v1/hazard-reports/" + hazard.id + "/photo");
    }

    private HazardReportMapper() {
    }
}
