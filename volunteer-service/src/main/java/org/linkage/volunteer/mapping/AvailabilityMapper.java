package org.linkage.volunteer.mapping;

import org.linkage.events.volunteer.VolunteerAvailabilityChanged;
import org.linkage.volunteer.api.AvailabilityException;
import org.linkage.volunteer.api.AvailabilityRequest;
import org.linkage.volunteer.api.AvailabilityResponse;
import org.linkage.volunteer.api.WeeklySlot;
import org.linkage.volunteer.domain.Availability;

import java.time.ZoneId;
import java.util.List;

public final class AvailabilityMapper {

    public static List<Availability.Slot> slots(AvailabilityRequest request) {
        return request.weeklySlots().stream()
                .map(slot -> new Availability.Slot(slot.dayOfWeek(), slot.start(), slot.end()))
                .toList();
    }

    public static List<Availability.DatedException> exceptions(AvailabilityRequest request) {
        return request.exceptions() == null ? List.of() : request.exceptions().stream()
                .map(e -> new Availability.DatedException(e.date(), e.kind(), e.start(), e.end()))
                .toList();
    }

    public static AvailabilityResponse toResponse(Availability availability, ZoneId zone) {
        return new AvailabilityResponse(availability.volunteerId, zone.getId(),
                availability.weeklySlots.stream().map(s -> new WeeklySlot(s.dayOfWeek, s.start, s.end)).toList(),
                availability.exceptions.stream()
                        .map(e -> new AvailabilityException(e.date, e.kind, e.start, e.end)).toList(),
                availability.weeklyHoursCap, availability.updatedAt);
    }

    public static VolunteerAvailabilityChanged toChanged(Availability availability, ZoneId zone) {
        return VolunteerAvailabilityChanged.of(availability.volunteerId, zone.getId(),
                availability.weeklySlots.stream()
                        .map(s -> new VolunteerAvailabilityChanged.WeeklySlot(s.dayOfWeek, s.start, s.end)).toList(),
                availability.exceptions.stream()
                        .map(e -> new VolunteerAvailabilityChanged.DatedException(e.date, e.kind, e.start, e.end))
                        .toList(),
                availability.weeklyHoursCap);
    }

    private AvailabilityMapper() {
    }
}
