package org.linkage.activity.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.linkage.activity.api.StatisticsResponse;
import org.linkage.activity.domain.Station;
import org.linkage.activity.repository.StatisticsRepository;
import org.linkage.chassis.i18n.Language;
import org.linkage.chassis.web.Period;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

@ApplicationScoped
public class StatisticsService {

    private final StatisticsRepository statistics;

    StatisticsService(StatisticsRepository statistics) {
        this.statistics = statistics;
    }

    /** The figures for one community, or the whole district when community is null, over the period. */
    @Transactional
    public StatisticsResponse of(String community, Period period, Language language) {
        var scope = new StatisticsRepository.Scope(community, period.start(), period.end(), period.from(),
                period.to());
        Instant now = Instant.now();
        long[] wishes = statistics.microWishes(scope);
        BigDecimal rate = wishes[0] == 0 ? BigDecimal.ZERO
                : BigDecimal.valueOf(wishes[1]).divide(BigDecimal.valueOf(wishes[0]), 2, RoundingMode.HALF_UP);
        long[] hazards = statistics.hazardsReportedAndResolved(scope);
        var emergencies = statistics.emergencies(scope);
        return new StatisticsResponse(community, period.from(), period.to(),
                statistics.activitiesHeld(scope, now),
                statistics.volunteersEngaged(scope),
                statistics.serviceHours(scope),
                statistics.needsMetByCareCategory(scope),
                statistics.peopleServedByFocusGroup(scope),
                wishes[0], wishes[1], rate, wishes[2], wishes[3],
                statistics.hazardReportsByStatus(scope), hazards[0], hazards[1],
                new StatisticsResponse.Emergencies(emergencies.raised(), emergencies.answered(),
                        emergencies.medianSecondsToFirstAccept()),
                statistics.stations(scope, now).stream().map(station -> new StatisticsResponse.StationFigures(
                        station.stationId(), station.name(), Station.label(station.name(), station.nameEn(), language),
                        station.community(), station.activitiesHeld(),
                        station.attendances(), station.serviceHours())).toList());
    }
}
