package org.linkage.volunteer.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

@Schema(description = "The volunteer's consent to store their home location")
public record LocationConsentResponse(
        @Schema(description = "When consent was given; null when there is none") Instant givenAt,
        @Schema(examples = "Matching with needs near home") String purpose,
        @Schema(description = "When consent was last withdrawn") Instant withdrawnAt) {
}
