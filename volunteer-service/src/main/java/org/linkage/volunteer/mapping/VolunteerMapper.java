package org.linkage.volunteer.mapping;

import org.linkage.chassis.web.Coordinates;
import org.linkage.events.GeoPoint;
import org.linkage.events.volunteer.MatchingProfile;
import org.linkage.events.volunteer.VolunteerChanged;
import org.linkage.events.volunteer.VolunteerRegistered;
import org.linkage.volunteer.api.LocationConsentResponse;
import org.linkage.volunteer.api.SkillLevel;
import org.linkage.volunteer.api.VolunteerResponse;
import org.linkage.volunteer.domain.Volunteer;
import org.linkage.volunteer.domain.VolunteerGroupType;

import java.util.List;

public final class VolunteerMapper {

    public static VolunteerResponse toResponse(Volunteer volunteer) {
        return toResponse(volunteer, Coordinates.of(volunteer.homeLatitude, volunteer.homeLongitude));
    }

    /** A list never shows where people live: the location stays on the single record, for self and staff. */
    public static VolunteerResponse toListItem(Volunteer volunteer) {
        return toResponse(volunteer, null);
    }

    private static VolunteerResponse toResponse(Volunteer volunteer, Coordinates homeLocation) {
        List<SkillLevel> skillLevels = volunteer.skills.entrySet().stream()
                .map(skill -> new SkillLevel(skill.getKey(), skill.getValue()))
                .toList();
        return new VolunteerResponse(volunteer.id, volunteer.name, volunteer.phone, volunteer.skillCodes(),
                skillLevels, homeLocation, volunteer.onDuty,
                volunteer.status, volunteer.statusReason, volunteer.statusChangedAt, volunteer.birthYear,
                volunteer.gender, volunteer.homeCommunity, volunteer.groupType, volunteer.organisation,
                List.copyOf(volunteer.languages), volunteer.bio,
                volunteer.photoUrl, new LocationConsentResponse(volunteer.locationConsentAt,
                        volunteer.locationConsentPurpose, volunteer.locationConsentWithdrawnAt),
                new LocationConsentResponse(volunteer.livePositionConsentAt, volunteer.livePositionConsentPurpose,
                        volunteer.livePositionConsentWithdrawnAt),
                volunteer.erasedAt, volunteer.createdAt, volunteer.updatedAt);
    }

    /** @param group the volunteer's group type, whose labels the event carries; null when none */
    public static VolunteerRegistered toRegistered(Volunteer volunteer, VolunteerGroupType group) {
        return VolunteerRegistered.of(toProfile(volunteer, group));
    }

    /** @param group the volunteer's group type, whose labels the event carries; null when none */
    public static VolunteerChanged toChanged(Volunteer volunteer, VolunteerGroupType group) {
        return VolunteerChanged.of(toProfile(volunteer, group));
    }

    /** The one place that says what matching learns of a volunteer, registered or changed. */
    private static MatchingProfile toProfile(Volunteer volunteer, VolunteerGroupType group) {
        GeoPoint home = volunteer.homeLatitude == null ? null
                : new GeoPoint(volunteer.homeLatitude, volunteer.homeLongitude);
        return new MatchingProfile(volunteer.id, volunteer.skillCodes(), home, volunteer.onDuty,
                volunteer.isActive(), volunteer.skills, volunteer.homeCommunity, List.copyOf(volunteer.languages),
                volunteer.consentsToLivePosition(), volunteer.groupType,
                group == null ? null : group.nameZh, group == null ? null : group.nameEn);
    }

    private VolunteerMapper() {
    }
}
