package org.linkage.notification.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** A daily period, in local time, in which routine messages wait; it may run past midnight (22:00 to 07:00). */
public record QuietHours(LocalTime start, LocalTime end) {

    public QuietHours {
        if (start.equals(end)) {
            throw new IllegalArgumentException("quiet hours must not start when they end");
        }
    }

    /** When a routine message may go out: now, or the end of the quiet period now falls in. */
    public Instant releaseTime(Instant now, ZoneId zone) {
        ZonedDateTime local = now.atZone(zone);
        LocalTime time = local.toLocalTime();
        boolean pastMidnight = start.isAfter(end);
        boolean afterStart = !time.isBefore(start);
        boolean beforeEnd = time.isBefore(end);
        boolean quiet = pastMidnight ? afterStart || beforeEnd : afterStart && beforeEnd;
        if (!quiet) {
            return now;
        }
        LocalDate endDay = pastMidnight && afterStart ? local.toLocalDate().plusDays(1) : local.toLocalDate();
        return ZonedDateTime.of(endDay, end, zone).toInstant();
    }
}
