package org.linkage.volunteer.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.linkage.volunteer.domain.Verification;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

@Schema(description = "A volunteer's certification")
public record CertificationResponse(
        UUID id,
        UUID volunteerId,
        @Schema(examples = "first-aid") String type,
        @Schema(examples = "HC-2025-001234") String number,
        @Schema(examples = "上海市红十字会") String issuer,
        LocalDate issuedOn,
        @Schema(description = "The first day it no longer counts") LocalDate expiresOn,
        String documentRef,
        Verification verification,
        @Schema(description = "Why it was rejected") String verificationReason,
        Instant verifiedAt,
        @Schema(description = "Counts today: verified and not expired") boolean valid,
        Instant createdAt) {
}
