package org.linkage.events.identity;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.util.UUID;

/**
 * Whether the volunteer's logins may act at all: a suspended, deactivated or erased volunteer is refused at the
 * next request in every service.
 *
 * @param access ALLOWED, SUSPENDED, DEACTIVATED or ERASED
 */
public record VolunteerAccessChanged(UUID volunteerId, String access, long sequence) implements IdentityEvent {

    public static final String TYPE = "VolunteerAccessChanged";
    public static final String ALLOWED = "ALLOWED";

    public static VolunteerAccessChanged of(UUID volunteerId, String access, long sequence) {
        return new VolunteerAccessChanged(volunteerId, access, sequence);
    }

    @JsonIgnore
    public boolean blocked() {
        return !ALLOWED.equals(access);
    }

    @Override
    @JsonIgnore
    public String eventType() {
        return TYPE;
    }
}
