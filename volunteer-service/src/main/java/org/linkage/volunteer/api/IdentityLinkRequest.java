package org.linkage.volunteer.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A login to link to the volunteer: the issuer and subject of its tokens")
public record IdentityLinkRequest(
        @NotBlank @Size(max = 500) @Schema(examples = "https://sso.linkage.example/realms/linkage") String issuer,
        @NotBlank @Size(max = 255) @Schema(examples = "0c6d5b8e-3f1a-4a57-9a0e-5d2b7f1c9e44") String subject) {
}
