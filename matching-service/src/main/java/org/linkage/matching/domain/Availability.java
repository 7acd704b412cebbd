package org.linkage.matching.domain;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.LocalDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * When a volunteer can serve, in their own time zone: weekly slots, dated exceptions, and a weekly hours cap.
 *
 * @param weeklyHoursCap null for no cap
 */
public record Availability(ZoneId zone, List<WeeklySlot> weeklySlots, List<DatedException> exceptions,
                           Integer weeklyHoursCap) {

    /** A volunteer who never said when they are available counts as available at any time, without a cap. */
    public static final Availability ALWAYS = new Availability(ZoneId.of("UTC"), null, List.of(), null);

    public record WeeklySlot(DayOfWeek dayOfWeek, LocalTime start, LocalTime end) {
    }

    /** @param start null with end for the whole day */
    public record DatedException(LocalDate date, boolean away, LocalTime start, LocalTime end) {
        boolean wholeDay() {
            return start == null || end == null;
        }
    }

    private record Span(LocalTime start, LocalTime end) {
    }

    /** A window in one zone's local time. */
    private record LocalWindow(ZoneId zone, Instant start, Instant end, LocalDateTime from, LocalDateTime to) {
    }

    // A search checks thousands of volunteers, nearly all in one zone, against one window: convert it once.
    private static final ThreadLocal<LocalWindow> LAST_CONVERTED = new ThreadLocal<>();

    private LocalWindow local(Instant start, Instant end) {
        LocalWindow last = LAST_CONVERTED.get();
        if (last != null && last.zone().equals(zone) && last.start().equals(start) && last.end().equals(end)) {
            return last;
        }
        LocalWindow converted = new LocalWindow(zone, start, end, LocalDateTime.ofInstant(start, zone),
                LocalDateTime.ofInstant(end, zone));
        LAST_CONVERTED.set(converted);
        return converted;
    }

    /** Whether the volunteer is available for the whole of [start, end). */
    public boolean covers(Instant start, Instant end) {
        if (weeklySlots == null) {
            return true;
        }
        LocalWindow window = local(start, end);
        LocalDateTime from = window.from();
        LocalDateTime to = window.to();
        for (LocalDate day = from.toLocalDate(); !day.isAfter(to.toLocalDate()); day = day.plusDays(1)) {
            LocalTime spanStart = day.equals(from.toLocalDate()) ? from.toLocalTime() : LocalTime.MIN;
            LocalTime spanEnd = day.equals(to.toLocalDate()) ? to.toLocalTime() : LocalTime.MAX;
            if (spanStart.isBefore(spanEnd) && !coversOn(day, spanStart, spanEnd)) {
                return false;
            }
        }
        return true;
    }

    /** The day a window starts where the volunteer lives; certificates and training are judged by it. */
    public LocalDate startDay(Instant start, Instant end) {
        return local(start, end).from().toLocalDate();
    }

    /** The Monday starting the volunteer's local week that holds the instant; the hours cap counts per such week. */
    public LocalDate weekOf(Instant instant) {
        return LocalDate.ofInstant(instant, zone).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    private boolean coversOn(LocalDate day, LocalTime start, LocalTime end) {
        List<Span> open = new ArrayList<>();
        for (DatedException exception : exceptions) {
            if (!exception.date().equals(day)) {
                continue;
            }
            Span span = exception.wholeDay() ? new Span(LocalTime.MIN, LocalTime.MAX)
                    : new Span(exception.start(), endOfDayAware(exception.end()));
            if (!exception.away()) {
                open.add(span);
            } else if (span.start().isBefore(end) && start.isBefore(span.end())) {
                return false;
            }
        }
        for (WeeklySlot slot : weeklySlots) {
            if (slot.dayOfWeek() == day.getDayOfWeek()) {
                LocalTime slotEnd = endOfDayAware(slot.end());
                if (!slot.start().isAfter(start) && !slotEnd.isBefore(end)) {
                    // One slot covers it all: the common case, decided without sorting.
                    return true;
                }
                open.add(new Span(slot.start(), slotEnd));
            }
        }
        open.sort(Comparator.comparing(Span::start));
        LocalTime coveredUntil = start;
        for (Span span : open) {
            if (span.start().isAfter(coveredUntil)) {
                break;
            }
            if (span.end().isAfter(coveredUntil)) {
                coveredUntil = span.end();
            }
            if (!coveredUntil.isBefore(end)) {
                return true;
            }
        }
        return !coveredUntil.isBefore(end);
    }

    // A slot ending at 23:59 (there is no 24:00) runs to midnight.
    private static LocalTime endOfDayAware(LocalTime end) {
        return end.isBefore(LocalTime.of(23, 59)) ? end : LocalTime.MAX;
    }
}
