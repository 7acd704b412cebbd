package org.linkage.matching.domain;

import org.linkage.events.GeoPoint;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * Everything the hard constraints ask of one volunteer, in memory for the candidate index.
 *
 * @param skillLevels    skill → level 1 to 5
 * @param certifications certification type → the first day it no longer counts (the latest of those held)
 * @param training       course code → the last day it counts; {@link LocalDate#MAX} when it never lapses
 * @param groupType      the volunteer group they serve with; null when none
 */
public record VolunteerProfile(UUID volunteerId, GeoPoint home, boolean active, boolean onDuty,
                               Map<String, Integer> skillLevels, Map<String, LocalDate> certifications,
                               Map<String, LocalDate> training, Availability availability, String groupType) {

    /** A volunteer in no group, as most tests and benchmarks build one. */
    public VolunteerProfile(UUID volunteerId, GeoPoint home, boolean active, boolean onDuty,
                            Map<String, Integer> skillLevels, Map<String, LocalDate> certifications,
                            Map<String, LocalDate> training, Availability availability) {
        this(volunteerId, home, active, onDuty, skillLevels, certifications, training, availability, null);
    }

    /** The same responder measured from where they are now rather than from home. */
    public VolunteerProfile at(GeoPoint position) {
        return new VolunteerProfile(volunteerId, position, active, onDuty, skillLevels, certifications, training,
                availability, groupType);
    }

    public int skillLevel(String skill) {
        return skillLevels.getOrDefault(skill, 0);
    }
}
