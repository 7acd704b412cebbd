package org.linkage.matching.domain;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WeekHoursTest {

    static final List<ZoneId> ZONES = List.of(ZoneId.of("Asia/Shanghai"), ZoneId.of("Europe/Berlin"),
            ZoneId.of("UTC"));
    // Around Berlin's change from summer time on 2026-10-25, so that the zones' rules are exercised too.
    static final LocalDate FIRST_DAY = LocalDate.of(2026, 10, 19);

    static boolean mayCover(Availability availability, Instant start, Instant end) {
        long[] open = WeekHours.open(availability);
        long[] needed = WeekHours.needed(start, end, availability.zone());
        for (int word = 0; word < WeekHours.WORDS; word++) {
            if ((open[word] & needed[word]) != needed[word]) {
                return false;
            }
        }
        return true;
    }

    @Test
    void whoeverCoversAWindowHasAllItsHoursSoTheFilterNeverLosesACandidate() {
        Random random = new Random(11);
        int covered = 0;
        int ruledOut = 0;
        for (int round = 0; round < 20_000; round++) {
            Availability availability = randomAvailability(random);
            Instant start = FIRST_DAY.plusDays(random.nextInt(14)).atTime(random.nextInt(24), random.nextInt(4) * 15)
                    .atZone(ZONES.get(random.nextInt(ZONES.size()))).toInstant();
            Instant end = start.plusSeconds(random.nextInt(10) == 0 ? random.nextInt(3 * 86_400)
                    : 900L * random.nextInt(1, 16));
            boolean covers = availability.covers(start, end);
            boolean mayCover = mayCover(availability, start, end);
            assertTrue(!covers || mayCover, () -> availability + " covers " + start + " - " + end);
            covered += covers ? 1 : 0;
            ruledOut += mayCover ? 0 : 1;
        }
        // Both sides were exercised: many windows covered, many ruled out without reading the slots.
        assertTrue(covered > 1_000, "covered " + covered);
        assertTrue(ruledOut > 5_000, "ruled out " + ruledOut);
    }

    @Test
    void withSlotsFromHourToHourAndNoExceptionsTheHoursDecideAlone() {
        Random random = new Random(12);
        int exact = 0;
        for (int round = 0; round < 20_000; round++) {
            Availability availability = randomAvailability(random);
            Instant start = FIRST_DAY.plusDays(random.nextInt(14)).atTime(random.nextInt(24), random.nextInt(60))
                    .atZone(ZONES.get(random.nextInt(ZONES.size()))).toInstant();
            Instant end = start.plusSeconds(60L * random.nextInt(1, 30 * 60));
            if (WeekHours.exact(availability)) {
                exact++;
                assertEquals(availability.covers(start, end), mayCover(availability, start, end),
                        availability + " " + start + " - " + end);
            }
        }
        assertTrue(exact > 4_000, "exact " + exact);
    }

    @Test
    void aSlotOnTheNeedsDayAndHoursMayCoverItOthersAreRuledOut() {
        ZoneId shanghai = ZONES.get(0);
        Availability tuesdayMornings = new Availability(shanghai, List.of(new Availability.WeeklySlot(
                DayOfWeek.TUESDAY, LocalTime.of(9, 30), LocalTime.of(12, 0))), List.of(), null);
        // Tuesday 2026-12-01.
        Instant tenOClock = LocalDate.of(2026, 12, 1).atTime(10, 0).atZone(shanghai).toInstant();

        assertTrue(mayCover(tuesdayMornings, tenOClock, tenOClock.plusSeconds(7200)));
        assertFalse(mayCover(tuesdayMornings, tenOClock, tenOClock.plusSeconds(7260)));
        assertFalse(mayCover(tuesdayMornings, tenOClock.minusSeconds(86_400), tenOClock.minusSeconds(79_200)));
        assertTrue(mayCover(Availability.ALWAYS, tenOClock, tenOClock.plusSeconds(30 * 86_400)));
    }

    @Test
    void anExtraOpenDayMakesEveryHourPossible() {
        Availability openOnce = new Availability(ZONES.get(0), List.of(), List.of(new Availability.DatedException(
                LocalDate.of(2026, 12, 5), false, null, null)), null);
        Instant saturdayNoon = LocalDate.of(2026, 12, 5).atTime(12, 0).atZone(ZONES.get(0)).toInstant();

        assertTrue(openOnce.covers(saturdayNoon, saturdayNoon.plusSeconds(3600)));
        assertTrue(mayCover(openOnce, saturdayNoon, saturdayNoon.plusSeconds(3600)));
    }

    static Availability randomAvailability(Random random) {
        if (random.nextInt(10) == 0) {
            return Availability.ALWAYS;
        }
        List<Availability.WeeklySlot> slots = new ArrayList<>();
        // Many declare whole hours: the case where the hours decide alone.
        boolean wholeHours = random.nextBoolean();
        for (int s = random.nextInt(5); s > 0; s--) {
            LocalTime from = LocalTime.of(random.nextInt(24), wholeHours ? 0 : random.nextInt(60));
            LocalTime to = random.nextInt(8) == 0 ? LocalTime.of(23, 59)
                    : from.plusMinutes(wholeHours ? 60L * random.nextInt(1, 10) : random.nextInt(1, 10 * 60));
            slots.add(new Availability.WeeklySlot(DayOfWeek.of(1 + random.nextInt(7)), from, to));
        }
        List<Availability.DatedException> exceptions = new ArrayList<>();
        for (int e = random.nextInt(3) == 0 ? 1 + random.nextInt(2) : 0; e > 0; e--) {
            LocalDate date = FIRST_DAY.plusDays(random.nextInt(14));
            LocalTime from = LocalTime.of(random.nextInt(20), 0);
            boolean away = random.nextInt(3) > 0;
            exceptions.add(random.nextBoolean() ? new Availability.DatedException(date, away, null, null)
                    : new Availability.DatedException(date, away, from, from.plusHours(3)));
        }
        return new Availability(ZONES.get(random.nextInt(ZONES.size())), slots, exceptions,
                random.nextBoolean() ? 8 : null);
    }
}
