package org.linkage.volunteer.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Schema(description = "A service-hours certificate: the entries of a period, attested by the issuing organisation")
public record HoursCertificateResponse(
        UUID id,
        @Schema(examples = "VH-2026-000042") String number,
        UUID volunteerId,
        @Schema(examples = "王芳") String volunteerName,
        @Schema(examples = "Linkage District Volunteer Service Centre") String issuingOrganisation,
        LocalDate periodFrom,
        LocalDate periodTo,
        @Schema(examples = "48.50") BigDecimal totalHours,
        Instant issuedAt,
        @Schema(description = "The ledger entries covered, as they stood when the certificate was issued")
        List<HoursEntryResponse> entries) {
}
