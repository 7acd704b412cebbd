package org.linkage.volunteer.api;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.linkage.volunteer.domain.TeamRole;

import java.util.UUID;

@Schema(description = "An invitation to a volunteer, or a volunteer's request to join")
public record MembershipRequest(
        @NotNull UUID volunteerId,
        @Schema(description = "MEMBER when left out", examples = "MEMBER") TeamRole role) {
}
