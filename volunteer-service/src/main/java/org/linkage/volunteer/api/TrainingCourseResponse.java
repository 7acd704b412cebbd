package org.linkage.volunteer.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

@Schema(description = "A course of the training catalogue")
public record TrainingCourseResponse(
        @Schema(required = true, examples = "first-aid-refresher") String code,
        @Schema(required = true, examples = "应急救护复训") String nameZh,
        @Schema(required = true, examples = "First-aid refresher") String nameEn,
        @Schema(required = true, nullable = true,
                description = "How long a completion counts; null when it never lapses", examples = "24")
        Integer validityMonths,
        @Schema(required = true, nullable = true, description = "When an admin retired it (refused for new use); "
                + "null while in use", examples = "2026-12-01T08:00:00Z")
        Instant retiredAt) {
}
