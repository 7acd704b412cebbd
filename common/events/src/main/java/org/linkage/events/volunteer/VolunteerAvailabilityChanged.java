package org.linkage.events.volunteer;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

/**
 * A volunteer's availability changed; carries the whole new availability so consumers simply replace theirs.
 *
 * @param timeZone       the zone the times are local to, e.g. Asia/Shanghai
 * @param weeklyHoursCap the most hours a week the volunteer wants to serve; null for no cap
 */
public record VolunteerAvailabilityChanged(
        UUID volunteerId,
        String timeZone,
        List<WeeklySlot> weeklySlots,
        List<DatedException> exceptions,
        Integer weeklyHoursCap) implements VolunteerEvent {

    public static final String TYPE = "VolunteerAvailabilityChanged";

    /** Every week on that day, from start to end. */
    public record WeeklySlot(DayOfWeek dayOfWeek, LocalTime start, LocalTime end) {
    }

    /**
     * One day that differs from the weekly pattern.
     *
     * @param start null with end for a whole day away
     */
    public record DatedException(LocalDate date, Kind kind, LocalTime start, LocalTime end) {
    }

    public enum Kind {
        /** Not available, although the weekly slots say so. */
        AWAY,
        /** Available in addition to the weekly slots. */
        EXTRA
    }

    public static VolunteerAvailabilityChanged of(UUID volunteerId, String timeZone, List<WeeklySlot> weeklySlots,
                                                  List<DatedException> exceptions, Integer weeklyHoursCap) {
        return new VolunteerAvailabilityChanged(volunteerId, timeZone, List.copyOf(weeklySlots),
                List.copyOf(exceptions), weeklyHoursCap);
    }

    @Override
    @JsonIgnore
    public String eventType() {
        return TYPE;
    }
}
