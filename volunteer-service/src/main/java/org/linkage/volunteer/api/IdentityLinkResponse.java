package org.linkage.volunteer.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

@Schema(description = "A login that acts as the volunteer")
public record IdentityLinkResponse(
        UUID id,
        UUID volunteerId,
        @Schema(examples = "https://sso.linkage.example/realms/linkage") String issuer,
        @Schema(examples = "0c6d5b8e-3f1a-4a57-9a0e-5d2b7f1c9e44") String subject,
        @Schema(description = "SELF_REGISTRATION, INVITATION or STAFF", examples = "INVITATION") String via,
        @Schema(description = "The volunteer, or the member of staff who linked it", examples = "sw-liu")
        String linkedBy,
        Instant linkedAt) {
}
