package org.linkage.matching.service;

import java.util.UUID;

/** Fired inside the transaction that changed what matching holds about the volunteer; the index follows on commit. */
public record CandidateChanged(UUID volunteerId) {
}
