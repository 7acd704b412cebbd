package org.linkage.activity.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@Schema(description = "The figures the district reports for one community (or the whole district) and period")
public record StatisticsResponse(
        @Schema(required = true, nullable = true,
                examples = "xinhua", description = "The community; null for the whole district") String community,
        @Schema(required = true) LocalDate from,
        @Schema(required = true) LocalDate to,
        @Schema(required = true, description = "Activities at the community's stations that took place (not cancelled)")
        long activitiesHeld,
        @Schema(required = true, description = "Distinct volunteers credited with service (activities or needs)")
        long volunteersEngaged,
        @Schema(required = true,
                description = "Hours credited for attended activities, completed needs and pairing sessions")
        BigDecimal serviceHours,
        @Schema(required = true,
                description = "Completed needs by care category (ELDERLY, CHILD, FAMILY; NONE without a "
                + "beneficiary)") Map<String, Long> needsMetByCareCategory,
        @Schema(required = true,
                description = "Distinct beneficiaries served by a completed need, by focus group (ELDERLY, CHILD, "
                + "FAMILY)") Map<String, Long> peopleServedByFocusGroup,
        @Schema(required = true, description = "Micro-wishes posted in the period") long microWishesPosted,
        @Schema(required = true, description = "Of those, confirmed fulfilled") long microWishesCompleted,
        @Schema(required = true, description = "completed / posted, 0 when none were posted", examples = "0.75")
        BigDecimal microWishCompletionRate,
        @Schema(required = true,
                description = "Micro-wishes claimed by a volunteer in the period") long microWishesClaimed,
        @Schema(required = true, description = "Micro-wishes fulfilled in the period") long microWishesFulfilled,
        @Schema(required = true, description = "Hazard reports made in the period, by their current status")
        Map<String, Long> hazardReportsByStatus,
        @Schema(required = true, description = "Hazard reports made in the period") long hazardsReported,
        @Schema(required = true, description = "Hazard reports resolved in the period") long hazardsResolved,
        @Schema(required = true) Emergencies emergencies,
        @Schema(required = true, description = "Each station of the community (of the district) with its own figures")
        List<StationFigures> stations) {

    @Schema(description = "Emergency needs raised in the period")
    public record Emergencies(
            @Schema(required = true) long raised,
            @Schema(required = true, description = "Of those, accepted by a volunteer") long answered,
            @Schema(required = true, nullable = true,
                    description = "Median seconds from raising to the first acceptance; null when none was "
                    + "answered", examples = "95.0") Double medianSecondsToFirstAccept) {
    }

    @Schema(description = "One station's figures for the period")
    public record StationFigures(
            @Schema(required = true) UUID stationId,
            @Schema(required = true, description = "The zh-CN label", examples = "新华社区中心") String name,
            @Schema(required = true, description = "The label in the reader's language (Accept-Language; the zh-CN "
                    + "label when there is no English one)", examples = "新华社区中心") String label,
            @Schema(required = true) String community,
            @Schema(required = true) long activitiesHeld,
            @Schema(required = true, description = "Check-ins at its activities") long attendances,
            @Schema(required = true) BigDecimal serviceHours) {
    }
}
