package org.linkage.activity.api;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

@Schema(description = "The period the pairing is active; its sessions fall within it (days in the district's zone)")
public record PairingActivationRequest(
        @NotNull @Schema(examples = "2026-12-07") LocalDate startsOn,
        @NotNull @Schema(examples = "2027-06-30") LocalDate endsOn) {
}
