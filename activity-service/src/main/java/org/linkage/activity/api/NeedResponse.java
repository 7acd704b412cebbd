package org.linkage.activity.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.linkage.activity.domain.FocusGroup;
import org.linkage.activity.domain.NeedStatus;
import org.linkage.chassis.web.Coordinates;
import org.linkage.events.need.Urgency;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Schema(description = "A need and how far it has come")
public record NeedResponse(
        @Schema(required = true) UUID id,
        @Schema(required = true, examples = "home-visit") String category,
        @Schema(required = true, examples = "elder-care") String requiredSkill,
        @Schema(required = true) Coordinates location,
        @Schema(required = true) NeedWindow window,
        @Schema(required = true) Urgency urgency,
        @Schema(required = true, examples = "1") int volunteersNeeded,
        @Schema(required = true, examples = "sw-0042") String requestedBy,
        @Schema(required = true, nullable = true) String summary,
        @Schema(required = true) NeedStatus status,
        @Schema(required = true, nullable = true,
                description = "Why the need is in its status, e.g. why nobody could be matched")
        String statusReason,
        @Schema(required = true, nullable = true,
                description = "The first volunteer who accepted, once ASSIGNED") UUID assignedVolunteerId,
        @Schema(required = true, nullable = true,
                description = "matching-service's first assignment, once ASSIGNED") UUID assignmentId,
        @Schema(required = true,
                description = "Every status the need has been in, oldest first")
        List<StatusChangeResponse> statusHistory,
        @Schema(required = true, nullable = true) UUID beneficiaryId,
        @Schema(required = true, nullable = true) FocusGroup careCategory,
        @Schema(required = true, nullable = true) String community,
        @Schema(required = true, nullable = true) BigDecimal estimatedHours,
        @Schema(required = true) List<String> requiredCertifications,
        @Schema(required = true) List<String> requiredTraining,
        @Schema(required = true, nullable = true) Integer radiusMetres,
        @Schema(required = true, nullable = true) Instant deadline,
        @Schema(required = true, nullable = true,
                description = "The recurring series this need belongs to, if any") UUID seriesId,
        @Schema(required = true, description = "Every volunteer who accepted, with their report and confirmed hours")
        List<AssignmentResponse> assignments,
        @Schema(required = true, nullable = true) LocalDate serviceDate,
        @Schema(required = true, nullable = true) String confirmedBy,
        @Schema(required = true, nullable = true) Instant completedAt,
        @Schema(required = true) Instant createdAt,
        @Schema(required = true) Instant updatedAt,
        @Schema(required = true, description = "The volunteer groups the need is offered to; empty for anyone",
                examples = "[\"RIDER\"]")
        List<String> volunteerGroups) {

    @Schema(description = "The need entered this status")
    public record StatusChangeResponse(
            @Schema(required = true) NeedStatus status,
            @Schema(required = true, nullable = true) String reason,
            @Schema(required = true) Instant changedAt) {
    }

    @Schema(description = "A volunteer who accepted the need")
    public record AssignmentResponse(
            @Schema(required = true) UUID assignmentId,
            @Schema(required = true) UUID volunteerId,
            @Schema(required = true) Instant acceptedAt,
            @Schema(required = true, nullable = true) String report,
            @Schema(required = true, nullable = true) BigDecimal reportedHours,
            @Schema(required = true, nullable = true) Instant reportedAt,
            @Schema(required = true, nullable = true) BigDecimal confirmedHours) {
    }
}
