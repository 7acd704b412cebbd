package org.linkage.activity.api;

import org.linkage.activity.domain.FileEntryKind;

import java.time.Instant;
import java.util.UUID;

public record FileEntryResponse(UUID id, UUID beneficiaryId, FileEntryKind kind, String text, Instant occurredAt,
                                String author, Instant createdAt) {
}
