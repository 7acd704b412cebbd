package org.linkage.volunteer.api;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

@Schema(description = "A compensating ledger entry recorded by staff; the ledger itself is never edited")
public record CorrectionRequest(
        @NotNull @Digits(integer = 4, fraction = 2) @DecimalMin("-1000") @DecimalMax("1000")
        @Schema(description = "Hours to add, or (negative) to take back", examples = "-1.5") BigDecimal hours,
        @NotNull @Schema(examples = "2026-11-20") LocalDate serviceDate,
        @NotBlank @Size(max = 500) @Schema(examples = "Check-out was recorded 90 minutes late") String reason,
        @Schema(description = "The entry this corrects, when there is one") UUID correctsEntryId) {
}
