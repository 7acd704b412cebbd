package org.linkage.volunteer.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

@Schema(description = "A volunteer's completion of a training course")
public record TrainingResponse(
        @Schema(required = true) UUID id,
        @Schema(required = true) UUID volunteerId,
        @Schema(required = true, examples = "first-aid-refresher") String courseCode,
        @Schema(required = true) LocalDate completedOn,
        @Schema(required = true, nullable = true,
                description = "The last day it counts; null when it never lapses") LocalDate validUntil,
        @Schema(required = true, description = "Whether it counts today") boolean valid,
        @Schema(required = true) Instant createdAt) {
}
