package org.linkage.activity.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

@Schema(description = "A volunteer checks in or out with the code shown at the station")
public record StationCodeRequest(
        @NotNull UUID volunteerId,
        @NotBlank @Size(max = 12) @Schema(examples = "482913") String code) {
}
