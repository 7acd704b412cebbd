package org.linkage.events.volunteer;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.linkage.events.GeoPoint;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A volunteer's matching-relevant data changed; carries the whole new state so consumers simply replace theirs.
 * No name and no phone number: matching ranks without them.
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
        boolean livePositionConsent) implements VolunteerEvent {

    public static final String TYPE = "VolunteerChanged";

    /** With every skill at level 1, no community and no languages; for callers that know no more. */
    public static VolunteerChanged of(UUID volunteerId, List<String> skills,
                                         GeoPoint homeLocation, boolean onDuty, boolean active) {
        return of(volunteerId, skills, homeLocation, onDuty, active, Map.of(), null, List.of());
    }

    /**
     * @param skillLevels skill code → level 1 (beginner) to 5 (expert); skills missing here count as level 1
     * @param community   the home community's code, e.g. "xinhua-road"
     */
    public static VolunteerChanged of(UUID volunteerId, List<String> skills,
                                         GeoPoint homeLocation, boolean onDuty, boolean active,
                                         Map<String, Integer> skillLevels, String community, List<String> languages) {
        return of(volunteerId, skills, homeLocation, onDuty, active, skillLevels, community, languages, false);
    }

    /** @param livePositionConsent the volunteer lets matching use their live position while on duty */
    public static VolunteerChanged of(UUID volunteerId, List<String> skills,
                                         GeoPoint homeLocation, boolean onDuty, boolean active,
                                         Map<String, Integer> skillLevels, String community, List<String> languages,
                                         boolean livePositionConsent) {
        return new VolunteerChanged(volunteerId, List.copyOf(skills), homeLocation, onDuty, active,
                skillLevels == null ? Map.of() : Map.copyOf(skillLevels), community,
                languages == null ? List.of() : List.copyOf(languages), livePositionConsent);
    }

    /** Levels an older producer left out count as none recorded. */
    public Map<String, Integer> skillLevels() {
        return skillLevels == null ? Map.of() : skillLevels;
    }

    public List<String> languages() {
        return languages == null ? List.of() : languages;
    }

    /** 2: the name is no longer carried (v1 had {@code displayName}; consumers ignore it in old events). */
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
