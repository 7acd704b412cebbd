package org.linkage.volunteer.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

@Schema(description = "An invitation sent by SMS; the code itself is never shown again")
public record InvitationResponse(
        UUID id,
        UUID volunteerId,
        @Schema(description = "The number it was sent to, masked", examples = "138****5678") String phone,
        @Schema(description = "PENDING, REDEEMED, LOCKED, REVOKED or SUPERSEDED", examples = "PENDING") String status,
        @Schema(description = "PENDING but past expiresAt") boolean expired,
        @Schema(description = "Wrong codes still allowed", examples = "5") int attemptsLeft,
        Instant expiresAt,
        @Schema(examples = "sw-liu") String issuedBy,
        Instant issuedAt) {
}
