package org.linkage.volunteer.api;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

@Schema(description = "The period a service-hours certificate covers, both days included")
public record CertificateRequest(
        @NotNull @Schema(examples = "2026-01-01") LocalDate from,
        @NotNull @Schema(examples = "2026-12-31") LocalDate to) {
}
