package org.linkage.volunteer.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.linkage.chassis.web.Coordinates;
import org.linkage.volunteer.domain.Gender;
import org.linkage.volunteer.domain.VolunteerStatus;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(description = "A volunteer")
public record VolunteerResponse(
        @Schema(required = true) UUID id,
        @Schema(required = true, examples = "王芳") String name,
        @Schema(required = true, examples = "13812345678") String phone,
        @Schema(required = true, description = "Skill codes") List<String> skills,
        @Schema(required = true, description = "The same skills with their levels") List<SkillLevel> skillLevels,
        @Schema(required = true, nullable = true) Coordinates homeLocation,
        @Schema(required = true) boolean onDuty,
        @Schema(required = true) VolunteerStatus status,
        @Schema(required = true, nullable = true,
                description = "Why the volunteer was last suspended or deactivated") String statusReason,
        @Schema(required = true) Instant statusChangedAt,
        @Schema(required = true, nullable = true, examples = "1968") Integer birthYear,
        @Schema(required = true, nullable = true) Gender gender,
        @Schema(required = true, nullable = true, examples = "新华路社区") String homeCommunity,
        @Schema(required = true, nullable = true, description = "A code of the group types catalogue",
                examples = "COLLEGE_STUDENT") String groupType,
        @Schema(required = true, nullable = true, description = "A code of the organisations catalogue",
                examples = "fudan-university") String organisation,
        @Schema(required = true) List<String> languages,
        @Schema(required = true, nullable = true) String bio,
        @Schema(required = true, nullable = true) String photoUrl,
        @Schema(required = true) LocationConsentResponse locationConsent,
        @Schema(required = true,
                description = "The consent to share the live position while on duty (riders); positions are "
                + "kept only by matching-service, latest only, for a short time") LocationConsentResponse livePositionConsent,
        @Schema(required = true, nullable = true,
                description = "When the personal data was erased at the volunteer's request") Instant erasedAt,
        @Schema(required = true) Instant createdAt,
        @Schema(required = true) Instant updatedAt) {
}
