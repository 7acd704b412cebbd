package org.linkage.activity.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.linkage.activity.domain.ConsentRelation;

import java.time.Instant;
import java.util.UUID;

public record ConsentResponse(
        @Schema(required = true) UUID id,
        @Schema(required = true) UUID beneficiaryId,
        @Schema(required = true) String givenBy,
        @Schema(required = true) ConsentRelation relation,
        @Schema(required = true) String purpose,
        @Schema(required = true) Instant givenAt,
        @Schema(required = true) String recordedBy,
        @Schema(required = true) Instant recordedAt) {
}
