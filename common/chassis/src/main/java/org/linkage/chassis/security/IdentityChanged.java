package org.linkage.chassis.security;

import java.util.UUID;

/**
 * Fired (CDI, after the commit) when this replica's identity projection learnt that a volunteer's link or access
 * changed, so that what holds a connection open for them checks again at once.
 */
public record IdentityChanged(UUID volunteerId) {
}
