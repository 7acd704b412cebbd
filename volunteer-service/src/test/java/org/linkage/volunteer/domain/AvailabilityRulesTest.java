package org.linkage.volunteer.domain;

import org.junit.jupiter.api.Test;
import org.linkage.chassis.problem.Violation;
import org.linkage.events.volunteer.VolunteerAvailabilityChanged.Kind;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.TUESDAY;
import static org.junit.jupiter.api.Assertions.assertEquals;

class AvailabilityRulesTest {

    private static final LocalDate CHRISTMAS = LocalDate.of(2026, 12, 25);

    private static Availability.Slot monday(String start, String end) {
        return new Availability.Slot(MONDAY, LocalTime.parse(start), LocalTime.parse(end));
    }

    private static Availability.DatedException on(LocalDate date, Kind kind, String start, String end) {
        return new Availability.DatedException(date, kind, start == null ? null : LocalTime.parse(start),
                end == null ? null : LocalTime.parse(end));
    }

    private static List<String> fields(List<Violation> violations) {
        return violations.stream().map(Violation::field).toList();
    }

    @Test
    void slotsThatTouchOrFallOnOtherDaysAreCoherent() {
        assertEquals(List.of(), AvailabilityRules.violations(List.of(
                monday("09:00", "12:00"), monday("12:00", "14:00"),
                new Availability.Slot(TUESDAY, LocalTime.parse("10:00"), LocalTime.parse("11:00"))), List.of()));
    }

    @Test
    void overlappingSlotsOnTheSameDayNameTheLaterOne() {
        List<Violation> violations = AvailabilityRules.violations(List.of(
                monday("09:00", "12:00"), monday("15:00", "16:00"), monday("11:00", "13:00")), List.of());
        assertEquals(List.of(new Violation("weeklySlots[2]", "overlaps weeklySlots[0]")), violations);
    }

    @Test
    void aSlotContainedInAnotherOverlapsIt() {
        assertEquals(List.of("weeklySlots[1]"), fields(AvailabilityRules.violations(
                List.of(monday("08:00", "18:00"), monday("10:00", "11:00")), List.of())));
    }

    @Test
    void aSlotMustEndAfterItStarts() {
        assertEquals(List.of("weeklySlots[0].end", "weeklySlots[1].end"), fields(AvailabilityRules.violations(
                List.of(monday("12:00", "09:00"), monday("10:00", "10:00")), List.of())));
    }

    @Test
    void aWholeDayAwayOverlapsAnyOtherExceptionThatDay() {
        assertEquals(List.of("exceptions[1]"), fields(AvailabilityRules.violations(List.of(), List.of(
                on(CHRISTMAS, Kind.AWAY, null, null), on(CHRISTMAS, Kind.EXTRA, "18:00", "20:00")))));
        assertEquals(List.of(), AvailabilityRules.violations(List.of(), List.of(
                on(CHRISTMAS, Kind.AWAY, "09:00", "12:00"), on(CHRISTMAS, Kind.EXTRA, "18:00", "20:00"),
                on(CHRISTMAS.plusDays(1), Kind.AWAY, null, null))));
    }

    @Test
    void extraTimeNeedsItsHoursAndTimesComeInPairs() {
        assertEquals(List.of("exceptions[0].start", "exceptions[1].end", "exceptions[2].start",
                        "exceptions[3].end"),
                fields(AvailabilityRules.violations(List.of(), List.of(
                        on(CHRISTMAS, Kind.EXTRA, null, null),
                        on(CHRISTMAS.plusDays(1), Kind.AWAY, "09:00", null),
                        on(CHRISTMAS.plusDays(2), Kind.AWAY, null, "12:00"),
                        on(CHRISTMAS.plusDays(3), Kind.EXTRA, "12:00", "09:00")))));
    }
}
