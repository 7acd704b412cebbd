package org.linkage.matching.domain;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AvailabilityTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    // Monday 2026-11-30.
    static final LocalDate MONDAY = LocalDate.of(2026, 11, 30);

    static Availability mondayMornings(Availability.DatedException... exceptions) {
        return new Availability(SHANGHAI, List.of(new Availability.WeeklySlot(DayOfWeek.MONDAY, LocalTime.of(8, 0),
                LocalTime.of(12, 0))), List.of(exceptions), 6);
    }

    static Instant at(LocalDate day, int hour, int minute) {
        return day.atTime(hour, minute).atZone(SHANGHAI).toInstant();
    }

    @Test
    void aWindowInsideAWeeklySlotInTheVolunteersZoneIsCovered() {
        assertTrue(mondayMornings().covers(at(MONDAY, 9, 0), at(MONDAY, 11, 0)));
        // 09:00 in Shanghai is 01:00 UTC: judged in the volunteer's zone, not UTC.
        assertEquals(Instant.parse("2026-11-30T01:00:00Z"), at(MONDAY, 9, 0));
    }

    @Test
    void aWindowReachingOutOfTheSlotOrOnAnotherDayIsNot() {
        assertFalse(mondayMornings().covers(at(MONDAY, 11, 0), at(MONDAY, 13, 0)));
        assertFalse(mondayMornings().covers(at(MONDAY.plusDays(1), 9, 0), at(MONDAY.plusDays(1), 10, 0)));
    }

    @Test
    void anAwayDayRemovesTheSlotAndAnExtraDayAddsOne() {
        Availability away = mondayMornings(new Availability.DatedException(MONDAY, true, null, null));
        assertFalse(away.covers(at(MONDAY, 9, 0), at(MONDAY, 10, 0)));
        assertTrue(away.covers(at(MONDAY.plusWeeks(1), 9, 0), at(MONDAY.plusWeeks(1), 10, 0)));

        Availability awayAnHour = mondayMornings(new Availability.DatedException(MONDAY, true, LocalTime.of(10, 0),
                LocalTime.of(11, 0)));
        assertTrue(awayAnHour.covers(at(MONDAY, 8, 0), at(MONDAY, 10, 0)));
        assertFalse(awayAnHour.covers(at(MONDAY, 9, 30), at(MONDAY, 10, 30)));

        LocalDate saturday = MONDAY.plusDays(5);
        Availability extra = mondayMornings(new Availability.DatedException(saturday, false, LocalTime.of(14, 0),
                LocalTime.of(18, 0)));
        assertTrue(extra.covers(at(saturday, 14, 0), at(saturday, 16, 0)));
        assertFalse(extra.covers(at(saturday, 13, 0), at(saturday, 16, 0)));
    }

    @Test
    void adjoiningSlotsCoverAWindowAcrossThem() {
        Availability split = new Availability(SHANGHAI, List.of(
                new Availability.WeeklySlot(DayOfWeek.MONDAY, LocalTime.of(10, 0), LocalTime.of(12, 0)),
                new Availability.WeeklySlot(DayOfWeek.MONDAY, LocalTime.of(8, 0), LocalTime.of(10, 0))), List.of(),
                null);
        assertTrue(split.covers(at(MONDAY, 9, 0), at(MONDAY, 11, 0)));
    }

    @Test
    void withoutAnyDeclaredAvailabilityAVolunteerIsAvailableAnyTime() {
        assertTrue(Availability.ALWAYS.covers(Instant.parse("2026-12-25T03:00:00Z"),
                Instant.parse("2026-12-25T23:00:00Z")));
    }

    @Test
    void theWeekStartsOnTheLocalMonday() {
        // Sunday 23:30 UTC is already Monday in Shanghai.
        assertEquals(MONDAY, mondayMornings().weekOf(Instant.parse("2026-11-29T23:30:00Z")));
        assertEquals(MONDAY.minusWeeks(1), mondayMornings().weekOf(Instant.parse("2026-11-29T15:00:00Z")));
    }
}
