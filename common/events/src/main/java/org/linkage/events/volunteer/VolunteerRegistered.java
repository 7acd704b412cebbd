package org.linkage.events.volunteer;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.linkage.events.GeoPoint;

import java.util.List;
import java.util.UUID;

/**
 * A volunteer joined. Carries what matching needs to consider them; no phone number.
 *
 * @param homeLocation null when the volunteer has not consented to share it
 */
public record VolunteerRegistered(
        UUID volunteerId,
        String displayName,
        List<String> skills,
        GeoPoint homeLocation,
        boolean onDuty,
        boolean active) implements VolunteerEvent {

    public static final String TYPE = "VolunteerRegistered";

    public static VolunteerRegistered of(UUID volunteerId, String displayName, List<String> skills,
                                         GeoPoint homeLocation, boolean onDuty, boolean active) {
        return new VolunteerRegistered(volunteerId, displayName, List.copyOf(skills), homeLocation, onDuty, active);
    }

    @Override
    @JsonIgnore
    public String eventType() {
        return TYPE;
    }
}
