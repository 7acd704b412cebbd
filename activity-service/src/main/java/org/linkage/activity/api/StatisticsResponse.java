package org.linkage.activity.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

@Schema(description = "The figures the district reports for one community and period")
public record StatisticsResponse(
        @Schema(examples = "xinhua") String community,
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
        @Schema(description = "Micro-wishes posted in the period") long microWishesPosted,
        @Schema(description = "Of those, confirmed fulfilled") long microWishesCompleted,
        @Schema(description = "completed / posted, 0 when none were posted", examples = "0.75")
        BigDecimal microWishCompletionRate,
        @Schema(description = "Hazard reports made in the period, by their current status")
        Map<String, Long> hazardReportsByStatus) {
}
