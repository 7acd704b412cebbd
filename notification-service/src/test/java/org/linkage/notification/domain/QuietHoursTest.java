package org.linkage.notification.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class QuietHoursTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final QuietHours NIGHT = new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0));
    private static final QuietHours NAP = new QuietHours(LocalTime.of(12, 0), LocalTime.of(14, 0));

    /** A moment on 5 March 2025, given in Shanghai local time. */
    private static Instant at(int day, String time) {
        return LocalTime.parse(time).atDate(java.time.LocalDate.of(2025, 3, day)).atZone(SHANGHAI).toInstant();
    }

    @Test
    void outsideQuietHoursAMessageGoesAtOnce() {
        assertEquals(at(5, "21:59"), NIGHT.releaseTime(at(5, "21:59"), SHANGHAI));
        assertEquals(at(5, "07:00"), NIGHT.releaseTime(at(5, "07:00"), SHANGHAI));
        assertEquals(at(5, "11:30"), NAP.releaseTime(at(5, "11:30"), SHANGHAI));
        assertEquals(at(5, "14:00"), NAP.releaseTime(at(5, "14:00"), SHANGHAI));
    }

    @Test
    void beforeMidnightANightMessageWaitsForTheNextMorning() {
        assertEquals(at(6, "07:00"), NIGHT.releaseTime(at(5, "22:00"), SHANGHAI));
        assertEquals(at(6, "07:00"), NIGHT.releaseTime(at(5, "23:45"), SHANGHAI));
    }

    @Test
    void afterMidnightANightMessageWaitsForThatMorning() {
        assertEquals(at(6, "07:00"), NIGHT.releaseTime(at(6, "00:10"), SHANGHAI));
        assertEquals(at(6, "07:00"), NIGHT.releaseTime(at(6, "06:59"), SHANGHAI));
    }

    @Test
    void quietHoursWithinOneDayEndThatDay() {
        assertEquals(at(5, "14:00"), NAP.releaseTime(at(5, "12:00"), SHANGHAI));
        assertEquals(at(5, "14:00"), NAP.releaseTime(at(5, "13:30"), SHANGHAI));
    }

    @Test
    void quietHoursMustNotBeEmpty() {
        assertThrows(IllegalArgumentException.class, () -> new QuietHours(LocalTime.NOON, LocalTime.NOON));
    }
}
