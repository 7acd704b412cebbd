package org.linkage.volunteer.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

@Schema(description = "Service hours of a period (by service date), in total, per volunteer group and per "
        + "organisation")
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
        List<GroupHours> byGroup,
        @Schema(required = true, description = "Per organisation as recorded on each entry; hours recorded in no "
                + "organisation count under null")
        List<OrganisationHours> byOrganisation) {

    @Schema(description = "The hours of one volunteer group")
    public record GroupHours(
            @Schema(required = true, nullable = true, examples = "RIDER", description = "A code of the volunteer "
                    + "group types catalogue (GET /api/v1/volunteer-group-types)") String group,
            @Schema(required = true, examples = "12") long volunteers,
            @Schema(required = true, examples = "96.0") BigDecimal hours) {
    }

    @Schema(description = "The hours of one organisation (a school, a platform, a Party branch, a grid)")
    public record OrganisationHours(
            @Schema(required = true, nullable = true, examples = "meituan", description = "A code of the "
                    + "organisations catalogue (GET /api/v1/organisations)") String organisation,
            @Schema(required = true, examples = "12") long volunteers,
            @Schema(required = true, examples = "96.0") BigDecimal hours) {
    }
}
