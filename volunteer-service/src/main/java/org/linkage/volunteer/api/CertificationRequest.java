package org.linkage.volunteer.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

@Schema(description = "A certification a volunteer holds, to be verified by staff")
public record CertificationRequest(
        @NotBlank @Schema(description = "A code from GET /api/v1/certification-types", examples = "first-aid")
        String type,
        @NotBlank @Size(max = 100) @Schema(examples = "HC-2025-001234") String number,
        @NotBlank @Size(max = 200) @Schema(examples = "上海市红十字会") String issuer,
        @NotNull @Schema(examples = "2025-03-01") LocalDate issuedOn,
        @NotNull @Schema(description = "The first day it no longer counts; after issuedOn", examples = "2028-03-01")
        LocalDate expiresOn,
        @Size(max = 500) @Schema(description = "Where the scanned document is kept",
                examples = "documents/certifications/8f3c.pdf") String documentRef) {
}
