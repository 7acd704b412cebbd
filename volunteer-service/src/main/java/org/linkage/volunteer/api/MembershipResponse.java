package org.linkage.volunteer.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.linkage.volunteer.domain.MembershipState;
import org.linkage.volunteer.domain.TeamRole;

import java.time.Instant;
import java.util.UUID;

@Schema(description = "A volunteer's membership of a team")
public record MembershipResponse(
        @Schema(required = true) UUID teamId,
        @Schema(required = true) UUID volunteerId,
        @Schema(required = true, examples = "李明") String volunteerName,
        @Schema(required = true) TeamRole role,
        @Schema(required = true,
                description = "INVITED awaits the volunteer, REQUESTED awaits the leader") MembershipState state,
        @Schema(required = true) Instant askedAt,
        @Schema(required = true, nullable = true) Instant decidedAt) {
}
