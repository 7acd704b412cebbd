package org.linkage.volunteer.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.linkage.chassis.input.ChinaMobile;

@Schema(description = "The invitation code received by SMS, with the number it was sent to")
public record RedemptionRequest(
        @NotBlank @Pattern(regexp = ChinaMobile.PATTERN, message = "must be a mainland China mobile number, e.g. 13812345678")
        @Schema(examples = "13812345678") String phone,
        @NotBlank @Pattern(regexp = "[0-9]{6}", message = "must be the 6 digits of the SMS")
        @Schema(examples = "042917") String code) {
}
