package org.linkage.volunteer.mapping;

import org.linkage.chassis.web.Coordinates;
import org.linkage.events.GeoPoint;
import org.linkage.events.volunteer.VolunteerChanged;
import org.linkage.events.volunteer.VolunteerRegistered;
import org.linkage.volunteer.domain.Volunteer;
import org.linkage.volunteer.rest.VolunteerResponse;

import java.util.List;

public final class VolunteerMapper {

    public static VolunteerResponse toResponse(Volunteer volunteer) {
        return new VolunteerResponse(volunteer.id, volunteer.name, volunteer.phone, List.copyOf(volunteer.skills),
                Coordinates.of(volunteer.homeLatitude, volunteer.homeLongitude), volunteer.onDuty,
                volunteer.status, volunteer.createdAt, volunteer.updatedAt);
    }

    public static VolunteerRegistered toRegistered(Volunteer volunteer) {
        return VolunteerRegistered.of(volunteer.id, volunteer.name, List.copyOf(volunteer.skills),
                homeLocation(volunteer), volunteer.onDuty, volunteer.isActive());
    }

    public static VolunteerChanged toChanged(Volunteer volunteer) {
        return VolunteerChanged.of(volunteer.id, volunteer.name, List.copyOf(volunteer.skills),
                homeLocation(volunteer), volunteer.onDuty, volunteer.isActive());
    }

    private static GeoPoint homeLocation(Volunteer volunteer) {
        return volunteer.homeLatitude == null ? null : new GeoPoint(volunteer.homeLatitude, volunteer.homeLongitude);
    }

    private VolunteerMapper() {
    }
}
