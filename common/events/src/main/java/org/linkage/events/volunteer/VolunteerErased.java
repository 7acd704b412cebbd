package org.linkage.events.volunteer;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.util.UUID;

/**
 * A volunteer asked for their personal data to be erased: every consumer forgets what it holds about this person
 * (names, contact details, locations, inbox) and keeps only anonymous figures.
 */
public record VolunteerErased(UUID volunteerId) implements VolunteerEvent {

    public static final String TYPE = "VolunteerErased";

    public static VolunteerErased of(UUID volunteerId) {
        return new VolunteerErased(volunteerId);
    }

    @Override
    @JsonIgnore
    public String eventType() {
        return TYPE;
    }
}
