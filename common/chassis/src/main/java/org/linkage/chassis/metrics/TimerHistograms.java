package org.linkage.chassis.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Duration;

/**
 * Every {@code linkage.*} timer publishes histogram buckets, so that the dashboard shows percentiles over all
 * replicas (a replica's own percentiles cannot be added up). The range spans a quick offer (milliseconds) to an
 * acceptance that takes a day.
 */
@Singleton
public class TimerHistograms {

    @Produces
    @Singleton
    MeterFilter linkageTimerHistograms() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (id.getType() != Meter.Type.TIMER || !id.getName().startsWith("linkage.")) {
                    return config;
                }
                return DistributionStatisticConfig.builder()
                        .percentilesHistogram(true)
                        .minimumExpectedValue((double) Duration.ofMillis(5).toNanos())
                        .maximumExpectedValue((double) Duration.ofDays(1).toNanos())
                        .build()
                        .merge(config);
            }
        };
    }
}
