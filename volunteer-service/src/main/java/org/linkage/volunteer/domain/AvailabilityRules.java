package org.linkage.volunteer.domain;

import org.linkage.chassis.problem.Violation;
import org.linkage.events.volunteer.VolunteerAvailabilityChanged.Kind;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/** What makes an availability coherent: every interval ends after it starts, and none overlaps another. */
public final class AvailabilityRules {

    /** @return what is wrong, naming the request fields weeklySlots[i] and exceptions[i]; empty when coherent */
    public static List<Violation> violations(List<Availability.Slot> slots,
                                             List<Availability.DatedException> exceptions) {
        List<Violation> violations = new ArrayList<>();
        for (int j = 0; j < slots.size(); j++) {
            Availability.Slot slot = slots.get(j);
            if (!slot.start.isBefore(slot.end)) {
                violations.add(new Violation("weeklySlots[" + j + "].end", "must be after start"));
                continue;
            }
            for (int i = 0; i < j; i++) {
                Availability.Slot earlier = slots.get(i);
                if (earlier.dayOfWeek == slot.dayOfWeek && overlap(earlier.start, earlier.end, slot.start, slot.end)) {
                    violations.add(new Violation("weeklySlots[" + j + "]", "overlaps weeklySlots[" + i + "]"));
                    break;
                }
            }
        }
        for (int j = 0; j < exceptions.size(); j++) {
            Availability.DatedException exception = exceptions.get(j);
            String field = "exceptions[" + j + "]";
            if ((exception.start == null) != (exception.end == null)) {
                violations.add(new Violation(field + (exception.start == null ? ".start" : ".end"),
                        "start and end are given together, or neither for a whole day away"));
                continue;
            }
            if (exception.start == null && exception.kind == Kind.EXTRA) {
                violations.add(new Violation(field + ".start", "is required for extra time"));
                continue;
            }
            if (exception.start != null && !exception.start.isBefore(exception.end)) {
                violations.add(new Violation(field + ".end", "must be after start"));
                continue;
            }
            for (int i = 0; i < j; i++) {
                Availability.DatedException earlier = exceptions.get(i);
                if (earlier.date.equals(exception.date) && overlap(startOf(earlier), endOf(earlier),
                        startOf(exception), endOf(exception))) {
                    violations.add(new Violation(field, "overlaps exceptions[" + i + "]"));
                    break;
                }
            }
        }
        return violations;
    }

    /** Intervals that merely touch (one ends when the other starts) do not overlap. */
    static boolean overlap(LocalTime start, LocalTime end, LocalTime otherStart, LocalTime otherEnd) {
        return start.isBefore(otherEnd) && otherStart.isBefore(end);
    }

    private static LocalTime startOf(Availability.DatedException exception) {
        return exception.start == null ? LocalTime.MIN : exception.start;
    }

    private static LocalTime endOf(Availability.DatedException exception) {
        return exception.end == null ? LocalTime.MAX : exception.end;
    }

    private AvailabilityRules() {
    }
}
