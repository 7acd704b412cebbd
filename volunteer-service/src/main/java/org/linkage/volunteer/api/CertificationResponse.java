package org.linkage.volunteer.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.linkage.volunteer.domain.Verification;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

@Schema(description = "A volunteer's certification")
public record CertificationResponse(
        @Schema(required = true) UUID id,
        @Schema(required = true) UUID volunteerId,
        @Schema(required = true, examples = "first-aid") String type,
        @Schema(required = true, examples = "HC-2025-001234") String number,
        @Schema(required = true, examples = "上海市红十字会") String issuer,
        @Schema(required = true) LocalDate issuedOn,
        @Schema(required = true, description = "The first day it no longer counts") LocalDate expiresOn,
        @Schema(required = true, nullable = true) String documentRef,
        @Schema(required = true) Verification verification,
        @Schema(required = true, nullable = true, description = "Why it was rejected") String verificationReason,
        @Schema(required = true, nullable = true) Instant verifiedAt,
        @Schema(required = true, description = "Counts today: verified and not expired") boolean valid,
        @Schema(required = true) Instant createdAt) {
}
