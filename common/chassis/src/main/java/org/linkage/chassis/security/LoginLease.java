package org.linkage.chassis.security;

import java.time.Instant;
import java.util.UUID;

/**
 * What a long-lived connection (a live stream) holds on to instead of the request that opened it: when its token
 * expires, and for a volunteer which login it was and as whom it acted, so that it can be checked again against
 * the identity projection ({@link IdentityProjection#stillValid}) after an unlink or a suspension.
 *
 * @param volunteerId null for staff and clients
 */
public record LoginLease(String issuer, String subject, UUID claimedVolunteer, UUID volunteerId, Instant expiresAt) {

    public boolean expired(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
