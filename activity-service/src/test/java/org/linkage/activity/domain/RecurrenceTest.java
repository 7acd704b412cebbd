package org.linkage.activity.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecurrenceTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void aMonthlyOccurrenceKeepsTheDayOfMonthAndLocalTime() {
        Instant first = Instant.parse("2026-12-15T01:30:00Z");
        assertEquals(Instant.parse("2027-01-15T01:30:00Z"), Recurrence.MONTHLY.occurrence(first, SHANGHAI, 1));
        assertEquals(Instant.parse("2027-03-15T01:30:00Z"), Recurrence.MONTHLY.occurrence(first, SHANGHAI, 3));
        assertEquals(first, Recurrence.MONTHLY.occurrence(first, SHANGHAI, 0));
    }

    @Test
    void aWeeklyOccurrenceIsSevenDaysOn() {
        Instant first = Instant.parse("2026-12-15T01:30:00Z");
        assertEquals(Instant.parse("2026-12-29T01:30:00Z"), Recurrence.WEEKLY.occurrence(first, SHANGHAI, 2));
    }

    @Test
    void theNextOccurrenceIsDueTheLeadBeforeItsDayAndNoneAfterUntil() {
        NeedSeries series = new NeedSeries();
        series.frequency = Recurrence.MONTHLY;
        series.occurrences = 1;
        series.until = LocalDate.of(2027, 1, 15);
        Instant first = Instant.parse("2026-12-15T01:30:00Z");

        series.scheduleNext(first, SHANGHAI, Duration.ofDays(7));
        assertEquals(Instant.parse("2027-01-08T01:30:00Z"), series.nextDueAt);

        series.occurrences = 2;
        series.scheduleNext(first, SHANGHAI, Duration.ofDays(7));
        assertNull(series.nextDueAt, "February is after until");
    }

    @Test
    void aChildIsAMinorUntilTheirFourteenthBirthday() {
        LocalDate birth = LocalDate.of(2012, 6, 1);
        assertTrue(Beneficiary.isMinor(birth, LocalDate.of(2026, 5, 31)));
        assertFalse(Beneficiary.isMinor(birth, LocalDate.of(2026, 6, 1)));
        assertFalse(Beneficiary.isMinor(null, LocalDate.of(2026, 6, 1)));
    }
}
