package org.linkage.volunteer.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.linkage.chassis.web.Coordinates;

@Schema(description = "The volunteer's home location with their consent to store it for a purpose")
public record LocationConsentRequest(
        @NotNull @Valid Coordinates homeLocation,
        @NotBlank @Size(max = 200) @Schema(examples = "Matching with needs near home") String purpose) {
}
