package org.linkage.activity.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.linkage.activity.domain.NeedStatus;
import org.linkage.chassis.web.Coordinates;
import org.linkage.events.need.Urgency;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(description = "A need and how far matching has come with it")
public record NeedResponse(
        UUID id,
        @Schema(examples = "home-visit") String category,
        @Schema(examples = "elder-care") String requiredSkill,
        Coordinates location,
        NeedWindow window,
        Urgency urgency,
        @Schema(examples = "1") int volunteersNeeded,
        @Schema(examples = "sw-0042") String requestedBy,
        String summary,
        NeedStatus status,
        @Schema(description = "Why the need is in its status, e.g. why nobody could be matched")
        String statusReason,
        @Schema(description = "The volunteer who accepted, once ASSIGNED") UUID assignedVolunteerId,
        @Schema(description = "matching-service's assignment, once ASSIGNED") UUID assignmentId,
        @Schema(description = "Every status the need has been in, oldest first") List<StatusChangeResponse> statusHistory,
        Instant createdAt,
        Instant updatedAt) {

    @Schema(description = "The need entered this status")
    public record StatusChangeResponse(NeedStatus status, String reason, Instant changedAt) {
    }
}
