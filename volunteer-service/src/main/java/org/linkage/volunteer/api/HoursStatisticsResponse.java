package org.linkage.volunteer.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

@Schema(description = "Service hours of a period (by service date), in total and per volunteer group")
public record HoursStatisticsResponse(
        @Schema(required = true, examples = "2026-12-01") LocalDate from,
        @Schema(required = true, examples = "2026-12-31") LocalDate to,
        @Schema(required = true, nullable = true, description = "The community counted; null for the district",
                examples = "新华路社区") String community,
        @Schema(required = true, description = "Credits less corrections", examples = "412.5") BigDecimal hours,
        @Schema(required = true, description = "Volunteers with an entry in the period", examples = "57")
        long volunteers,
        @Schema(required = true, description = "Per group type as recorded on each entry (the "
                + "volunteer's when the hours were recorded); hours recorded in no group count under null")
        List<GroupHours> byGroup) {

    @Schema(description = "The hours of one volunteer group")
    public record GroupHours(
            @Schema(required = true, nullable = true, examples = "RIDER", description = "A code of the volunteer "
                    + "group types catalogue (GET /api/v1/volunteer-group-types)") String group,
            @Schema(required = true, examples = "12") long volunteers,
            @Schema(required = true, examples = "96.0") BigDecimal hours) {
    }
}
