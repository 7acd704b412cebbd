package org.linkage.activity.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.linkage.activity.domain.FileEntryKind;

import java.time.Instant;
import java.util.UUID;

public record FileEntryResponse(
        @Schema(required = true) UUID id,
        @Schema(required = true) UUID beneficiaryId,
        @Schema(required = true) FileEntryKind kind,
        @Schema(required = true) String text,
        @Schema(required = true) Instant occurredAt,
        @Schema(required = true) String author,
        @Schema(required = true) Instant createdAt) {
}
