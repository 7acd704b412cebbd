package org.linkage.matching.domain;

import org.linkage.events.GeoPoint;

import java.time.Instant;
import java.util.List;

/**
 * What a need asks of a volunteer.
 *
 * @param emergency on-duty responders only; availability, the hours cap and the fatigue cap do not apply
 * @param hours     how long the service takes, counted against the volunteer's weekly hours cap
 */
public record Requirements(GeoPoint location, int radiusMetres, String skill, List<String> certifications,
                           List<String> training, Instant windowStart, Instant windowEnd, double hours,
                           boolean emergency) {
}
