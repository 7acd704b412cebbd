package org.linkage.chassis.web;

import org.linkage.chassis.problem.ProblemException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * A reporting period of whole days in the district's time zone, both ends included, from the query parameters
 * "from" and "to". Districts report monthly: with neither given, the current month.
 */
public record Period(LocalDate from, LocalDate to, ZoneId zone) {

    /**
     * @param maxDays the longest period allowed, in days
     * @throws ProblemException 400 naming "from" or "to": not a date, only one given, to before from, or longer
     *                          than maxDays
     */
    public static Period of(String from, String to, ZoneId zone, int maxDays) {
        if (from == null && to == null) {
            return currentMonth(zone);
        }
        if (from == null || to == null) {
            throw ProblemException.invalid(from == null ? "from" : "to", "must be given with "
                    + (from == null ? "to" : "from") + " (leave both out for the current month)");
        }
        LocalDate first = date("from", from);
        LocalDate last = date("to", to);
        if (last.isBefore(first)) {
            throw ProblemException.invalid("to", "must not be before from");
        }
        if (ChronoUnit.DAYS.between(first, last) + 1 > maxDays) {
            throw ProblemException.invalid("to", "makes a period longer than the maximum of " + maxDays + " days");
        }
        return new Period(first, last, zone);
    }

    public static Period currentMonth(ZoneId zone) {
        LocalDate today = LocalDate.now(zone);
        return new Period(today.withDayOfMonth(1), today.withDayOfMonth(today.lengthOfMonth()), zone);
    }

    /** The first instant of the period. */
    public Instant start() {
        return from.atStartOfDay(zone).toInstant();
    }

    /** The first instant after the period. */
    public Instant end() {
        return to.plusDays(1).atStartOfDay(zone).toInstant();
    }

    private static LocalDate date(String name, String value) {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(name, "must be a date such as 2026-12-01");
        }
    }
}
