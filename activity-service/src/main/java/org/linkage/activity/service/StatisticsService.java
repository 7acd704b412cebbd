package org.linkage.activity.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.linkage.activity.api.StatisticsResponse;
import org.linkage.activity.config.DistrictConfig;
import org.linkage.activity.repository.StatisticsRepository;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;

@ApplicationScoped
public class StatisticsService {

    private final StatisticsRepository statistics;
    private final DistrictConfig district;

    StatisticsService(StatisticsRepository statistics, DistrictConfig district) {
        this.statistics = statistics;
        this.district = district;
    }

    /** The figures for the days from and to (both included, in the district's time zone). */
    @Transactional
    public StatisticsResponse of(String community, LocalDate from, LocalDate to) {
        Instant start = from.atStartOfDay(district.timeZone()).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(district.timeZone()).toInstant();
        long[] wishes = statistics.microWishesPostedAndConfirmed(community, start, end);
        BigDecimal rate = wishes[0] == 0 ? BigDecimal.ZERO
                : BigDecimal.valueOf(wishes[1]).divide(BigDecimal.valueOf(wishes[0]), 2, RoundingMode.HALF_UP);
        return new StatisticsResponse(community, from, to,
                statistics.activitiesHeld(community, start, end, Instant.now()),
                statistics.volunteersEngaged(community, from, to),
                statistics.serviceHours(community, from, to),
                statistics.needsMetByCareCategory(community, from, to),
                wishes[0], wishes[1], rate,
                statistics.hazardReportsByStatus(community, start, end));
    }
}
