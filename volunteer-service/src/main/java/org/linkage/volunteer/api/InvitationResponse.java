package org.linkage.volunteer.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

@Schema(description = "An invitation sent by SMS; the code itself is never shown again")
public record InvitationResponse(
        @Schema(required = true) UUID id,
        @Schema(required = true) UUID volunteerId,
        @Schema(required = true,
                description = "The number it was sent to, masked", examples = "138****5678") String phone,
        @Schema(required = true,
                description = "PENDING, REDEEMED, LOCKED, REVOKED or SUPERSEDED", examples = "PENDING") String status,
        @Schema(required = true, description = "PENDING but past expiresAt") boolean expired,
        @Schema(required = true, description = "Wrong codes still allowed", examples = "5") int attemptsLeft,
        @Schema(required = true) Instant expiresAt,
        @Schema(required = true, nullable = true, examples = "sw-liu") String issuedBy,
        @Schema(required = true) Instant issuedAt) {
}
