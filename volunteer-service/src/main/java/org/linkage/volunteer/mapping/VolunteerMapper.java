package org.linkage.volunteer.mapping;

import org.linkage.chassis.web.Coordinates;
import org.linkage.events.GeoPoint;
import org.linkage.events.volunteer.VolunteerChanged;
import org.linkage.events.volunteer.VolunteerRegistered;
import org.linkage.volunteer.domain.Volunteer;
import org.linkage.volunteer.rest.SkillLevel;
import org.linkage.volunteer.rest.VolunteerResponse;

import java.util.List;

public final class VolunteerMapper {

    public static VolunteerResponse toResponse(Volunteer volunteer) {
        List<SkillLevel> skillLevels = volunteer.skills.entrySet().stream()
                .map(skill -> new SkillLevel(skill.getKey(), skill.getValue()))
                .toList();
        return new VolunteerResponse(volunteer.id, volunteer.name, volunteer.phone, volunteer.skillCodes(),
                skillLevels, Coordinates.of(volunteer.homeLatitude, volunteer.homeLongitude), volunteer.onDuty,
                volunteer.status, volunteer.statusReason, volunteer.statusChangedAt, volunteer.birthYear,
                volunteer.gender, volunteer.homeCommunity, List.copyOf(volunteer.languages), volunteer.bio,
                volunteer.photoUrl, volunteer.createdAt, volunteer.updatedAt);
    }

    public static VolunteerRegistered toRegistered(Volunteer volunteer) {
        return VolunteerRegistered.of(volunteer.id, volunteer.name, volunteer.skillCodes(),
                homeLocation(volunteer), volunteer.onDuty, volunteer.isActive());
    }

    public static VolunteerChanged toChanged(Volunteer volunteer) {
        return VolunteerChanged.of(volunteer.id, volunteer.name, volunteer.skillCodes(),
                homeLocation(volunteer), volunteer.onDuty, volunteer.isActive());
    }

    private static GeoPoint homeLocation(Volunteer volunteer) {
        return volunteer.homeLatitude == null ? null : new GeoPoint(volunteer.homeLatitude, volunteer.homeLongitude);
    }

    private VolunteerMapper() {
    }
}
