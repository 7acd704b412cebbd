package org.linkage.volunteer.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

@Schema(description = "A volunteer's service hours and star level")
public record HoursSummaryResponse(
        @Schema(required = true) UUID volunteerId,
        @Schema(required = true, examples = "312.50") BigDecimal lifetimeHours,
        @Schema(required = true,
                description = "0 to 5: 100 / 300 / 600 / 1000 / 1500 hours give one to five stars", examples = "2")
        int starLevel,
        @Schema(required = true, nullable = true,
                description = "The lifetime hours that give the next star; null at five stars", examples = "600")
        BigDecimal nextStarLevelAt,
        @Schema(required = true, description = "Hours per calendar year of service") List<YearHours> years) {

    public record YearHours(@Schema(required = true,
            examples = "2026") int year, @Schema(required = true, examples = "120.50") BigDecimal hours) {
    }
}
