package org.linkage.volunteer.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Schema(description = "A service-hours certificate: the entries of a period, attested by the issuing organisation")
public record HoursCertificateResponse(
        @Schema(required = true) UUID id,
        @Schema(required = true, examples = "VH-2026-000042") String number,
        @Schema(required = true) UUID volunteerId,
        @Schema(required = true, examples = "王芳") String volunteerName,
        @Schema(required = true, examples = "Linkage District Volunteer Service Centre") String issuingOrganisation,
        @Schema(required = true) LocalDate periodFrom,
        @Schema(required = true) LocalDate periodTo,
        @Schema(required = true, examples = "48.50") BigDecimal totalHours,
        @Schema(required = true, description = "The hours of the period per calendar year of service")
        List<HoursSummaryResponse.YearHours> hoursByYear,
        @Schema(required = true, description = "The volunteer's star level (0 to 5) when the certificate was issued",
                examples = "2")
        int starLevel,
        @Schema(required = true) Instant issuedAt,
        @Schema(required = true, description = "The public verification the certificate's QR code links to; anyone "
                + "holding the certificate may open it, without login",
                examples = "https://linkage.example.org/api/v1/certificate-verifications/q3XbN0u7Yk2vR9sWcT4mLa8e")
        String verificationUrl,
        @Schema(required = true, nullable = true, description = "Lower-case hex SHA-256 of the PDF as issued; null "
                + "once the volunteer's personal data is erased",
                examples = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")
        String pdfSha256,
        @Schema(required = true,
                description = "The ledger entries covered, as they stood when the certificate was issued")
        List<HoursEntryResponse> entries,
        @Schema(required = true, nullable = true, description = "When staff revoked the certificate; null while it "
                + "is attested") Instant revokedAt,
        @Schema(required = true, nullable = true, examples = "Issued for the wrong period; reissued")
        String revocationReason) {
}
