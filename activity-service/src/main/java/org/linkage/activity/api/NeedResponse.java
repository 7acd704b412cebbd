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
        @Schema(description = "The first volunteer who accepted, once ASSIGNED") UUID assignedVolunteerId,
        @Schema(description = "matching-service's first assignment, once ASSIGNED") UUID assignmentId,
        @Schema(description = "Every status the need has been in, oldest first") List<StatusChangeResponse> statusHistory,
        UUID beneficiaryId,
        FocusGroup careCategory,
        String community,
        BigDecimal estimatedHours,
        List<String> requiredCertifications,
        List<String> requiredTraining,
        Integer radiusMetres,
        Instant deadline,
        @Schema(description = "The recurring series this need belongs to, if any") UUID seriesId,
        @Schema(description = "Every volunteer who accepted, with their report and confirmed hours")
        List<AssignmentResponse> assignments,
        LocalDate serviceDate,
        String confirmedBy,
        Instant completedAt,
        Instant createdAt,
        Instant updatedAt) {

    @Schema(description = "The need entered this status")
    public record StatusChangeResponse(NeedStatus status, String reason, Instant changedAt) {
    }

    @Schema(description = "A volunteer who accepted the need")
    public record AssignmentResponse(UUID assignmentId, UUID volunteerId, Instant acceptedAt, String report,
                                     BigDecimal reportedHours, Instant reportedAt, BigDecimal confirmedHours) {
    }
}
