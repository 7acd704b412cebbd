package org.linkage.volunteer.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

@Schema(description = "The volunteer's consent to store their home location")
public record LocationConsentResponse(
        @Schema(required = true, nullable = true,
                description = "When consent was given; null when there is none") Instant givenAt,
        @Schema(required = true, nullable = true, examples = "Matching with needs near home") String purpose,
        @Schema(required = true, nullable = true,
                description = "When consent was last withdrawn") Instant withdrawnAt) {
}
