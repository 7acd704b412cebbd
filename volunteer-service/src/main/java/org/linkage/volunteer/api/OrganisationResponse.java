package org.linkage.volunteer.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

@Schema(description = "An organisation volunteers come through: a school, a platform, a Party branch, a grid")
public record OrganisationResponse(
        @Schema(required = true, examples = "fudan-university") String code,
        @Schema(required = true, examples = "复旦大学") String nameZh,
        @Schema(required = true, examples = "Fudan University") String nameEn,
        @Schema(required = true, nullable = true, description = "The volunteer group type its volunteers serve "
                + "with; null when not one", examples = "COLLEGE_STUDENT") String groupType,
        @Schema(required = true, nullable = true, description = "When an admin retired it (refused for new use); "
                + "null while in use", examples = "2026-12-01T08:00:00Z")
        Instant retiredAt) {
}
