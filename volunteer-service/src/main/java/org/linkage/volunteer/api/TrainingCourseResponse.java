package org.linkage.volunteer.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A course of the training catalogue")
public record TrainingCourseResponse(
        @Schema(examples = "first-aid-refresher") String code,
        @Schema(examples = "应急救护复训") String nameZh,
        @Schema(examples = "First-aid refresher") String nameEn,
        @Schema(description = "How long a completion counts; null when it never lapses", examples = "24")
        Integer validityMonths) {
}
