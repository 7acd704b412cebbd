package org.linkage.volunteer.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

@Schema(description = "What the public verification of a service-hours certificate confirms, and nothing more: "
        + "that it was issued, when and by whom, and the fingerprint of the PDF as issued")
public record CertificateVerificationResponse(
        @Schema(required = true, examples = "VH-2026-000042") String number,
        @Schema(required = true, description = "VALID: issued and in force. REVOKED: issued, but no longer attested "
                + "(the volunteer's personal data was erased at their request)", examples = "VALID")
        Status status,
        @Schema(required = true) Instant issuedAt,
        @Schema(required = true, examples = "Linkage District Volunteer Service Centre") String issuingOrganisation,
        @Schema(required = true, nullable = true,
                description = "The holder's family name, the rest masked; null when revoked", examples = "王**")
        String holder,
        @Schema(required = true, nullable = true, description = "Lower-case hex SHA-256 of the PDF as issued; compare "
                + "it with the file's, or send the file to the check operation; null when revoked",
                examples = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")
        String pdfSha256) {

    @Schema(name = "CertificateStatus", description = "Whether an issued certificate is still attested")
    public enum Status { VALID, REVOKED }
}
