package org.linkage.volunteer.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

@Schema(description = "A volunteer completed a training course")
public record TrainingRequest(
        @NotBlank @Schema(description = "A code from GET /api/v1/training-courses", examples = "first-aid-refresher")
        String courseCode,
        @NotNull @Schema(examples = "2026-10-12") LocalDate completedOn,
        @Schema(description = "The last day it counts; defaults to the course's validity, none for most courses",
                examples = "2028-10-11") LocalDate validUntil) {
}
