package org.linkage.matching.service;

import java.util.UUID;

/** A responder left the roster of live positions on this replica, from an event this replica took in. */
public record RosterLeft(UUID volunteerId) {
}
