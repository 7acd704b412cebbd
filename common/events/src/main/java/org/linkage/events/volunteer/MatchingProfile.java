package org.linkage.events.volunteer;

import org.linkage.events.GeoPoint;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What matching needs to know of a volunteer, built once by volunteer-service and carried, field by field, by
 * {@link VolunteerRegistered} and {@link VolunteerChanged}. No name, no phone number.
 *
 * @param homeLocation        null when the volunteer has not consented to share it
 * @param skillLevels         skill code → level 1 (beginner) to 5 (expert); skills missing here count as level 1
 * @param community           the home community's code, e.g. "xinhua-road"
 * @param livePositionConsent the volunteer lets matching use their live position while on duty
 * @param groupType           the volunteer group they serve with (COLLEGE_STUDENT, RIDER...); null when none or
 *                            when an older producer left it out. Needs may be restricted to groups.
 * @param groupNameZh         the group type's Chinese label in volunteer-service's catalogue, so that a consumer
 *                            can name a group an admin added; null with no group or from an older producer
 * @param groupNameEn         its English label, likewise
 */
public record MatchingProfile(
        UUID volunteerId,
        List<String> skills,
        GeoPoint homeLocation,
        boolean onDuty,
        boolean active,
        Map<String, Integer> skillLevels,
        String community,
        List<String> languages,
        boolean livePositionConsent,
        String groupType,
        String groupNameZh,
        String groupNameEn) {

    /** Levels and languages an older producer left out count as none; skills are always there. */
    public MatchingProfile {
        skills = List.copyOf(skills);
        skillLevels = skillLevels == null ? Map.of() : Map.copyOf(skillLevels);
        languages = languages == null ? List.of() : List.copyOf(languages);
    }

    /** Without the group's labels, for callers that know only its code. */
    public MatchingProfile(UUID volunteerId, List<String> skills, GeoPoint homeLocation, boolean onDuty,
                           boolean active, Map<String, Integer> skillLevels, String community, List<String> languages,
                           boolean livePositionConsent, String groupType) {
        this(volunteerId, skills, homeLocation, onDuty, active, skillLevels, community, languages,
                livePositionConsent, groupType, null, null);
    }

    /** With every skill at level 1, no community, languages, live position or group; for callers that know no more. */
    public static MatchingProfile of(UUID volunteerId, List<String> skills, GeoPoint homeLocation, boolean onDuty,
                                     boolean active) {
        return new MatchingProfile(volunteerId, skills, homeLocation, onDuty, active, Map.of(), null, List.of(),
                false, null, null, null);
    }
}
