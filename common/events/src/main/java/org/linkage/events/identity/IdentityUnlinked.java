package org.linkage.events.identity;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.util.UUID;

/** A login no longer acts as this volunteer: its next request is refused, even with a volunteer_id claim. */
public record IdentityUnlinked(UUID volunteerId, String issuer, String subject, long sequence)
        implements IdentityEvent {

    public static final String TYPE = "IdentityUnlinked";

    public static IdentityUnlinked of(UUID volunteerId, String issuer, String subject, long sequence) {
        return new IdentityUnlinked(volunteerId, issuer, subject, sequence);
    }

    @Override
    @JsonIgnore
    public String eventType() {
        return TYPE;
    }
}
