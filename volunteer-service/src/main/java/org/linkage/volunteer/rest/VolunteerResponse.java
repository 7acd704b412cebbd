package org.linkage.volunteer.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.linkage.chassis.web.Coordinates;
import org.linkage.volunteer.domain.VolunteerStatus;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(description = "A volunteer")
public record VolunteerResponse(
        UUID id,
        @Schema(examples = "王芳") String name,
        @Schema(examples = "13812345678") String phone,
        List<String> skills,
        Coordinates homeLocation,
        boolean onDuty,
        VolunteerStatus status,
        Instant createdAt,
        Instant updatedAt) {
}
