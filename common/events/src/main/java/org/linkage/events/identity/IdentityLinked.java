package org.linkage.events.identity;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.util.UUID;

/**
 * A login (the identity provider's issuer and subject) now acts as this volunteer.
 *
 * @param issuer  the token's {@code iss}
 * @param subject the token's {@code sub}: opaque, never the volunteer id
 */
public record IdentityLinked(UUID volunteerId, String issuer, String subject, long sequence)
        implements IdentityEvent {

    public static final String TYPE = "IdentityLinked";

    public static IdentityLinked of(UUID volunteerId, String issuer, String subject, long sequence) {
        return new IdentityLinked(volunteerId, issuer, subject, sequence);
    }

    @Override
    @JsonIgnore
    public String eventType() {
        return TYPE;
    }
}
