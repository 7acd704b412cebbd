package org.linkage.volunteer.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "The volunteer's own consent to share their live position while on duty, for a purpose")
public record LivePositionConsentRequest(
        @NotBlank @Size(max = 200) @Schema(examples = "Emergencies go to the nearest responder on duty")
        String purpose) {
}
