package org.linkage.events.volunteer;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.linkage.events.GeoPoint;

import java.util.List;
import java.util.UUID;

/** A volunteer's matching-relevant data changed; carries the whole new state so consumers simply replace theirs. */
public record VolunteerChanged(
        UUID volunteerId,
        String displayName,
        List<String> skills,
        GeoPoint homeLocation,
        boolean onDuty,
        boolean active) implements VolunteerEvent {

    public static final String TYPE = "VolunteerChanged";

    public static VolunteerChanged of(UUID volunteerId, String displayName, List<String> skills,
                                      GeoPoint homeLocation, boolean onDuty, boolean active) {
        return new VolunteerChanged(volunteerId, displayName, List.copyOf(skills), homeLocation, onDuty, active);
    }

    @Override
    @JsonIgnore
    public String eventType() {
        return TYPE;
    }
}
