package org.linkage.volunteer.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.linkage.chassis.input.ChinaMobile;
import org.linkage.chassis.web.Coordinates;

import java.util.List;

@Schema(description = "A person signing up as a volunteer")
public record RegisterVolunteerRequest(
        @NotBlank @Size(max = 100) @Schema(examples = "王芳") String name,
        @NotBlank @Pattern(regexp = ChinaMobile.PATTERN, message = "must be a mainland China mobile number, e.g. 13812345678")
        @Schema(examples = "13812345678") String phone,
        @NotNull @Size(min = 1, max = 20)
        @Schema(examples = "[\"elder-care\", \"first-aid\"]")
        List<@NotBlank @Pattern(regexp = "[a-z][a-z0-9-]{1,39}", message = "must be a skill code such as elder-care") String> skills,
        @Valid @Schema(description = "Home location; stored only with locationConsent = true") Coordinates homeLocation,
        @Schema(description = "The volunteer agrees that their home location is stored and used to match nearby needs")
        boolean locationConsent,
        @Size(max = 200) @Schema(description = "What the location may be used for; defaults to matching with needs near home",
                examples = "Matching with needs near home") String locationConsentPurpose,
        @Schema(description = "Ready to answer emergencies now") boolean onDuty) {
}
