package org.linkage.volunteer.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

@Schema(description = "A volunteer's completion of a training course")
public record TrainingResponse(
        UUID id,
        UUID volunteerId,
        @Schema(examples = "first-aid-refresher") String courseCode,
        LocalDate completedOn,
        @Schema(description = "The last day it counts; null when it never lapses") LocalDate validUntil,
        @Schema(description = "Whether it counts today") boolean valid,
        Instant createdAt) {
}
