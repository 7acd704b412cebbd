package org.linkage.activity.api;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.UUID;

@Schema(description = "A volunteer's report of the service they gave")
public record VolunteerReportRequest(
        @NotNull UUID volunteerId,
        @NotBlank @Size(max = 2000) @Schema(examples = "Visited, fixed the tap, shopping done") String report,
        @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("24") @Schema(examples = "2")
        BigDecimal hours) {
}
