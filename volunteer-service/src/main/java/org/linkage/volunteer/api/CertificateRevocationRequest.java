package org.linkage.volunteer.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Why a certificate is no longer attested; kept with the certificate and in the audit log")
public record CertificateRevocationRequest(
        @NotBlank @Size(max = 500) @Schema(required = true, examples = "Issued for the wrong period; reissued")
        String reason) {
}
