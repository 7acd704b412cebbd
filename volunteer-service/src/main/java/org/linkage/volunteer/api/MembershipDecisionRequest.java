package org.linkage.volunteer.api;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "The answer to an invitation (by the volunteer) or to a request (by the leader)")
public record MembershipDecisionRequest(@NotNull @Schema(examples = "APPROVE") Decision decision) {

    @Schema(name = "MembershipDecision", description = "The answer to a team invitation or request")
    public enum Decision {
        APPROVE, DECLINE
    }
}
