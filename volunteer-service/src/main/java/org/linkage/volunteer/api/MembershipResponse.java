package org.linkage.volunteer.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.linkage.volunteer.domain.MembershipState;
import org.linkage.volunteer.domain.TeamRole;

import java.time.Instant;
import java.util.UUID;

@Schema(description = "A volunteer's membership of a team")
public record MembershipResponse(
        UUID teamId,
        UUID volunteerId,
        @Schema(examples = "李明") String volunteerName,
        TeamRole role,
        @Schema(description = "INVITED awaits the volunteer, REQUESTED awaits the leader") MembershipState state,
        Instant askedAt,
        Instant decidedAt) {
}
