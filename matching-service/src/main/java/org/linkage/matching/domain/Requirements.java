package org.linkage.matching.domain;

import org.linkage.events.GeoPoint;

import java.time.Instant;
import java.util.List;

/**
 * What a need asks of a volunteer.
 *
 * @param emergency on-duty responders only; availability, the hours cap and the fatigue cap do not apply
 * @param hours     how long the service takes, counted against the volunteer's weekly hours cap
 * @param groups    the volunteer group types the need is restricted to; empty for anyone
 */
public record Requirements(GeoPoint location, int radiusMetres, String skill, List<String> certifications,
                           List<String> training, Instant windowStart, Instant windowEnd, double hours,
                           boolean emergency, List<String> groups) {

    public Requirements {
        groups = groups == null ? List.of() : List.copyOf(groups);
    }

    /** Open to every volunteer group. */
    public Requirements(GeoPoint location, int radiusMetres, String skill, List<String> certifications,
                        List<String> training, Instant windowStart, Instant windowEnd, double hours,
                        boolean emergency) {
        this(location, radiusMetres, skill, certifications, training, windowStart, windowEnd, hours, emergency,
                List.of());
    }

    /** Whether the volunteer's group is one the need is open to. */
    public boolean admitsGroup(String groupType) {
        return groups.isEmpty() || groups.contains(groupType);
    }
}
