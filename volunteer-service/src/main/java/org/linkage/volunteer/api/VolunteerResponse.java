package org.linkage.volunteer.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.linkage.chassis.web.Coordinates;
import org.linkage.volunteer.domain.Gender;
import org.linkage.volunteer.domain.VolunteerGroup;
import org.linkage.volunteer.domain.VolunteerStatus;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(description = "A volunteer")
public record VolunteerResponse(
        UUID id,
        @Schema(examples = "王芳") String name,
        @Schema(examples = "13812345678") String phone,
        @Schema(description = "Skill codes") List<String> skills,
        @Schema(description = "The same skills with their levels") List<SkillLevel> skillLevels,
        Coordinates homeLocation,
        boolean onDuty,
        VolunteerStatus status,
        @Schema(description = "Why the volunteer was last suspended or deactivated") String statusReason,
        Instant statusChangedAt,
        @Schema(examples = "1968") Integer birthYear,
        Gender gender,
        @Schema(examples = "新华路社区") String homeCommunity,
        VolunteerGroup groupType,
        @Schema(examples = "复旦大学") String organisation,
        List<String> languages,
        String bio,
        String photoUrl,
        LocationConsentResponse locationConsent,
        @Schema(description = "The consent to share the live position while on duty (riders); positions are "
                + "kept only by matching-service, latest only, for a short time") LocationConsentResponse livePositionConsent,
        @Schema(description = "When the personal data was erased at the volunteer's request") Instant erasedAt,
        Instant createdAt,
        Instant updatedAt) {
}
