package org.linkage.volunteer.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

@Schema(description = "A login that acts as the volunteer")
public record IdentityLinkResponse(
        @Schema(required = true) UUID id,
        @Schema(required = true) UUID volunteerId,
        @Schema(required = true, examples = "https://sso.linkage.example/realms/linkage") String issuer,
        @Schema(required = true, examples = "0c6d5b8e-3f1a-4a57-9a0e-5d2b7f1c9e44") String subject,
        @Schema(required = true,
                description = "SELF_REGISTRATION, INVITATION or STAFF", examples = "INVITATION") String via,
        @Schema(required = true, nullable = true,
                description = "The volunteer, or the member of staff who linked it", examples = "sw-liu")
        String linkedBy,
        @Schema(required = true) Instant linkedAt) {
}
