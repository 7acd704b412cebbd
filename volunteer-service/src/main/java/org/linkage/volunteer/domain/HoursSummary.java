package org.linkage.volunteer.domain;

import java.math.BigDecimal;
import java.util.List;

/** A volunteer's credited hours: the lifetime total, the star level it earned, and the total of each year. */
public record HoursSummary(BigDecimal lifetimeHours, int starLevel, List<YearTotal> years) {

    public record YearTotal(int year, BigDecimal hours) {
    }
}
