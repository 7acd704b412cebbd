package org.linkage.activity.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@Schema(description = "The figures the district reports for one community (or the whole district) and period")
public record StatisticsResponse(
        @Schema(examples = "xinhua", description = "The community; null for the whole district") String community,
        LocalDate from,
        LocalDate to,
        @Schema(description = "Activities at the community's stations that took place (not cancelled)")
        long activitiesHeld,
        @Schema(description = "Distinct volunteers credited with service (activities or needs)")
        long volunteersEngaged,
        @Schema(description = "Hours credited for attended activities, completed needs and pairing sessions")
        BigDecimal serviceHours,
        @Schema(description = "Completed needs by care category (ELDERLY, CHILD, FAMILY; NONE without a "
                + "beneficiary)") Map<String, Long> needsMetByCareCategory,
        @Schema(description = "Distinct beneficiaries served by a completed need, by focus group (ELDERLY, CHILD, "
                + "FAMILY)") Map<String, Long> peopleServedByFocusGroup,
        @Schema(description = "Micro-wishes posted in the period") long microWishesPosted,
        @Schema(description = "Of those, confirmed fulfilled") long microWishesCompleted,
        @Schema(description = "completed / posted, 0 when none were posted", examples = "0.75")
        BigDecimal microWishCompletionRate,
        @Schema(description = "Micro-wishes claimed by a volunteer in the period") long microWishesClaimed,
        @Schema(description = "Micro-wishes fulfilled in the period") long microWishesFulfilled,
        @Schema(description = "Hazard reports made in the period, by their current status")
        Map<String, Long> hazardReportsByStatus,
        @Schema(description = "Hazard reports made in the period") long hazardsReported,
        @Schema(description = "Hazard reports resolved in the period") long hazardsResolved,
        Emergencies emergencies,
        @Schema(description = "Each station of the community (of the district) with its own figures")
        List<StationFigures> stations) {

    @Schema(description = "Emergency needs raised in the period")
    public record Emergencies(
            long raised,
            @Schema(description = "Of those, accepted by a volunteer") long answered,
            @Schema(description = "Median seconds from raising to the first acceptance; null when none was "
                    + "answered", examples = "95.0") Double medianSecondsToFirstAccept) {
    }

    @Schema(description = "One station's figures for the period")
    public record StationFigures(UUID stationId, @Schema(examples = "新华社区中心") String name, String community,
                                 long activitiesHeld,
                                 @Schema(description = "Check-ins at its activities") long attendances,
                                 BigDecimal serviceHours) {
    }
}
