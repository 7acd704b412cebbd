package org.linkage.events.volunteer;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.util.UUID;

/**
 * A volunteer left the service for good: consumers stop offering them anything. Follows the VolunteerChanged
 * that reports them inactive.
 *
 * @param reason why, as staff recorded it
 */
public record VolunteerDeactivated(UUID volunteerId, String reason) implements VolunteerEvent {

    public static final String TYPE = "VolunteerDeactivated";

    public static VolunteerDeactivated of(UUID volunteerId, String reason) {
        return new VolunteerDeactivated(volunteerId, reason);
    }

    @Override
    @JsonIgnore
    public String eventType() {
        return TYPE;
    }
}
