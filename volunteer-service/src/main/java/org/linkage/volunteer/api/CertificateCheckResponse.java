package org.linkage.volunteer.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Whether a PDF is, byte for byte, the certificate as issued")
public record CertificateCheckResponse(
        @Schema(required = true, examples = "true",
                description = "True only when the certificate is VALID and the file's SHA-256 is the issued PDF's")
        boolean matches,
        @Schema(required = true, examples = "VALID") CertificateVerificationResponse.Status status,
        @Schema(required = true, description = "Lower-case hex SHA-256 of the file sent",
                examples = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")
        String sha256) {
}
