package org.linkage.notification.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.linkage.chassis.input.ChinaMobile;

@Schema(description = "A one-time login code the identity provider generated and keeps (hashed); this service only "
        + "texts it through the registered LOGIN_CODE template")
public record LoginCodeRequest(
        @NotBlank @Pattern(regexp = ChinaMobile.PATTERN, message = "must be a mainland China mobile number")
        @Schema(description = "The mobile number logging in, 11 digits or E.164", examples = "+8613800138000")
        String phoneNumber,
        @NotBlank @Pattern(regexp = "[0-9]{6}", message = "must be six digits")
        @Schema(description = "The code to text", examples = "418207") String code,
        @NotNull @Min(1) @Max(30)
        @Schema(description = "How long the code is valid, in minutes, as the text tells the person", examples = "5")
        Integer validMinutes) {
}
