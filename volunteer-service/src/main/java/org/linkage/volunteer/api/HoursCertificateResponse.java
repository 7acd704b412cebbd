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
        @Schema(required = true) Instant issuedAt,
        @Schema(required = true,
                description = "The ledger entries covered, as they stood when the certificate was issued")
        List<HoursEntryResponse> entries) {
}
