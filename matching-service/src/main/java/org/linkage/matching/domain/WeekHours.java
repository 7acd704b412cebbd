package org.linkage.matching.domain;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * The 168 hours of a local week as bits (Monday 00:00 is bit 0), three longs: what lets the grid rule out, with a
 * few AND operations, a volunteer who is surely not available for a need's window before reading their slots.
 * A volunteer's hours are those any weekly slot touches; a window's hours are those it touches. Whoever
 * {@link Availability#covers covers} a window has all its hours, so ruling out on them never loses a candidate;
 * the exact check still decides for the rest, unless the hours say it all (see {@link #exact}).
 */
public final class WeekHours {

    static final int WORDS = 3;
    private static final int HOURS_IN_WEEK = 7 * 24;
    private static final long[] EVERY_HOUR = {-1L, -1L, (1L << (HOURS_IN_WEEK - 128)) - 1};

    /** The hours a volunteer may be available in; every hour when nothing narrows it down. */
    public static long[] open(Availability availability) {
        // An extra open day may fall on any weekday.
        if (availability.weeklySlots() == null
                || availability.exceptions().stream().anyMatch(exception -> !exception.away())) {
            return EVERY_HOUR.clone();
        }
        long[] hours = new long[WORDS];
        for (Availability.WeeklySlot slot : availability.weeklySlots()) {
            LocalTime end = slot.end().isBefore(LocalTime.of(23, 59)) ? slot.end() : LocalTime.MAX;
            if (slot.start().isBefore(end)) {
                touch(hours, slot.dayOfWeek(), slot.start(), end);
            }
        }
        return hours;
    }

    /**
     * Whether the hours decide availability alone: with slots from hour to hour (or to the end of the day) and no
     * dated exceptions, an hour a slot touches is open throughout, so having every hour a window touches means
     * being available for all of it.
     */
    public static boolean exact(Availability availability) {
        return availability.weeklySlots() == null || availability.exceptions().isEmpty()
                && availability.weeklySlots().stream().allMatch(slot -> onTheHour(slot.start())
                && (onTheHour(slot.end()) || !slot.end().isBefore(LocalTime.of(23, 59))));
    }

    /** The hours the window [start, end) touches in the zone's local time. */
    public static long[] needed(Instant start, Instant end, ZoneId zone) {
        long[] hours = new long[WORDS];
        LocalDateTime from = LocalDateTime.ofInstant(start, zone);
        LocalDateTime to = LocalDateTime.ofInstant(end, zone);
        for (LocalDate day = from.toLocalDate(); !day.isAfter(to.toLocalDate()) && !isEveryHour(hours);
             day = day.plusDays(1)) {
            LocalTime spanStart = day.equals(from.toLocalDate()) ? from.toLocalTime() : LocalTime.MIN;
            LocalTime spanEnd = day.equals(to.toLocalDate()) ? to.toLocalTime() : LocalTime.MAX;
            if (spanStart.isBefore(spanEnd)) {
                touch(hours, day.getDayOfWeek(), spanStart, spanEnd);
            }
        }
        return hours;
    }

    /** Sets the bits of the hours that [start, end) overlaps on that day; start is before end. */
    private static void touch(long[] hours, DayOfWeek day, LocalTime start, LocalTime end) {
        int lastHour = onTheHour(end) ? end.getHour() - 1 : end.getHour();
        int first = (day.getValue() - 1) * 24;
        for (int hour = start.getHour(); hour <= lastHour; hour++) {
            int bit = first + hour;
            hours[bit >>> 6] |= 1L << (bit & 63);
        }
    }

    private static boolean onTheHour(LocalTime time) {
        return time.getMinute() == 0 && time.getSecond() == 0 && time.getNano() == 0;
    }

    private static boolean isEveryHour(long[] hours) {
        return hours[0] == EVERY_HOUR[0] && hours[1] == EVERY_HOUR[1] && hours[2] == EVERY_HOUR[2];
    }

    private WeekHours() {
    }
}
