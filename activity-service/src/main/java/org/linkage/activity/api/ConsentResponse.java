package org.linkage.activity.api;

import org.linkage.activity.domain.ConsentRelation;

import java.time.Instant;
import java.util.UUID;

public record ConsentResponse(UUID id, UUID beneficiaryId, String givenBy, ConsentRelation relation, String purpose,
                              Instant givenAt, String recordedBy, Instant recordedAt) {
}
