package org.linkage.activity.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

@Schema(description = "Another volunteer for the beneficiary: the pairing ends and a new one, confirmed, succeeds it")
public record RePairingRequest(
        @NotNull UUID volunteerId,
        @NotBlank @Size(max = 500) @Schema(examples = "The volunteer went back to university") String reason) {
}
