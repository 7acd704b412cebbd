package org.linkage.activity.domain;

import java.time.Instant;
import java.time.ZoneId;

/** How often a recurring need comes back; occurrences keep the local time of day of the first one. */
public enum Recurrence {
    WEEKLY, MONTHLY;

    /** The start of occurrence number {@code n} (0 is the first) of a series that started at {@code first}. */
    public Instant occurrence(Instant first, ZoneId zone, int n) {
        var local = first.atZone(zone);
        return (this == WEEKLY ? local.plusWeeks(n) : local.plusMonths(n)).toInstant();
    }
}
