package org.linkage.volunteer.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A course of the training catalogue")
public record TrainingCourseResponse(
        @Schema(required = true, examples = "first-aid-refresher") String code,
        @Schema(required = true, examples = "应急救护复训") String nameZh,
        @Schema(required = true, examples = "First-aid refresher") String nameEn,
        @Schema(required = true, nullable = true,
                description = "How long a completion counts; null when it never lapses", examples = "24")
        Integer validityMonths) {
}
