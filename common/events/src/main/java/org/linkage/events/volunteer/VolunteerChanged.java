package org.linkage.events.volunteer;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.linkage.events.GeoPoint;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A volunteer's matching-relevant data changed; carries the whole new {@link MatchingProfile} so consumers simply
 * replace theirs. No name and no phone number: matching ranks without them.
 */
public record VolunteerChanged(
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
        String groupNameEn) implements VolunteerEvent {

    public static final String TYPE = "VolunteerChanged";

    public static VolunteerChanged of(MatchingProfile profile) {
        return new VolunteerChanged(profile.volunteerId(), profile.skills(), profile.homeLocation(),
                profile.onDuty(), profile.active(), profile.skillLevels(), profile.community(), profile.languages(),
                profile.livePositionConsent(), profile.groupType(), profile.groupNameZh(), profile.groupNameEn());
    }

    /** With every skill at level 1, no community and no languages; for callers that know no more. */
    public static VolunteerChanged of(UUID volunteerId, List<String> skills,
                                      GeoPoint homeLocation, boolean onDuty, boolean active) {
        return of(MatchingProfile.of(volunteerId, skills, homeLocation, onDuty, active));
    }

    /** The profile it carries, normalised as every producer and consumer sees it. */
    @JsonIgnore
    public MatchingProfile profile() {
        return new MatchingProfile(volunteerId, skills, homeLocation, onDuty, active, skillLevels, community,
                languages, livePositionConsent, groupType, groupNameZh, groupNameEn);
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
