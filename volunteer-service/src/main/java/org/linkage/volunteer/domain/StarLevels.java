package org.linkage.volunteer.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/** The national star levels: cumulative service hours of 100 / 300 / 600 / 1000 / 1500 give one to five stars. */
public final class StarLevels {

    static final List<BigDecimal> THRESHOLDS = List.of(new BigDecimal(100), new BigDecimal(300),
            new BigDecimal(600), new BigDecimal(1000), new BigDecimal(1500));

    /** 0 below 100 hours, up to 5 from 1500 hours on; a threshold reached exactly counts. */
    public static int levelFor(BigDecimal lifetimeHours) {
        return (int) THRESHOLDS.stream().filter(threshold -> lifetimeHours.compareTo(threshold) >= 0).count();
    }

    /** The levels crossed upwards going from one total to another, lowest first; none when hours fell. */
    public static List<Integer> reached(int levelBefore, BigDecimal lifetimeAfter) {
        return IntStream.rangeClosed(levelBefore + 1, levelFor(lifetimeAfter)).boxed().toList();
    }

    /** The hours at which the next star comes; empty at five stars. */
    public static Optional<BigDecimal> nextThreshold(BigDecimal lifetimeHours) {
        int level = levelFor(lifetimeHours);
        return level < THRESHOLDS.size() ? Optional.of(THRESHOLDS.get(level)) : Optional.empty();
    }

    private StarLevels() {
    }
}
