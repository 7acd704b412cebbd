package org.linkage.events.volunteer;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.linkage.events.GeoPoint;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A volunteer joined. Carries their {@link MatchingProfile} but the live-position consent (given only later);
 * no name, no phone number (staff read those from volunteer-service by id).
 *
 * @param homeLocation null when the volunteer has not consented to share it
 */
public record VolunteerRegistered(
        UUID volunteerId,
        List<String> skills,
        GeoPoint homeLocation,
        boolean onDuty,
        boolean active,
        Map<String, Integer> skillLevels,
        String community,
        List<String> languages,
        String groupType,
        String groupNameZh,
        String groupNameEn) implements VolunteerEvent {

    public static final String TYPE = "VolunteerRegistered";

    public static VolunteerRegistered of(MatchingProfile profile) {
        return new VolunteerRegistered(profile.volunteerId(), profile.skills(), profile.homeLocation(),
                profile.onDuty(), profile.active(), profile.skillLevels(), profile.community(), profile.languages(),
                profile.groupType(), profile.groupNameZh(), profile.groupNameEn());
    }

    /** With every skill at level 1, no community and no languages; for callers that know no more. */
    public static VolunteerRegistered of(UUID volunteerId, List<String> skills,
                                         GeoPoint homeLocation, boolean onDuty, boolean active) {
        return of(MatchingProfile.of(volunteerId, skills, homeLocation, onDuty, active));
    }

    /** The profile it carries, normalised as every producer and consumer sees it; no live position yet. */
    @JsonIgnore
    public MatchingProfile profile() {
        return new MatchingProfile(volunteerId, skills, homeLocation, onDuty, active, skillLevels, community,
                languages, false, groupType, groupNameZh, groupNameEn);
    }

    /**
     * 2: the name is no longer carried (v1 had {@code displayName}; consumers ignore it in old events). The optional
     * {@code groupType} came later without a new version: absent, it reads as none; so did {@code groupNameZh} and
     * {@code groupNameEn}, the group type's labels (absent: consumers name the group by its code).
     */
    @Override
    @JsonIgnore
    public int schemaVersion() {
        return 2;
    }

    @Override
    @JsonIgnore
    public String eventType() {
        return TYPE;
    }
}
