package org.linkage.chassis.audit;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** One line of the audit log. */
@Schema(description = "Who did what to which sensitive record, when and why")
public record AuditEntry(
        @Schema(required = true, examples = "1042") long id,
        @Schema(required = true) Instant occurredAt,
        @Schema(required = true, examples = "sw-liu") String actor,
        @Schema(required = true, examples = "social-worker") String actorRole,
        @Schema(required = true) AuditAction action,
        @Schema(required = true, examples = "Beneficiary") String resourceType,
        @Schema(required = true, examples = "0d1c5c52-2f7e-4c1e-9f3c-6c2b4a9e1f10") String resourceId,
        @Schema(required = true, examples = "case management") String purpose) {
}
