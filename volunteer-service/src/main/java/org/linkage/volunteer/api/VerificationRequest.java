package org.linkage.volunteer.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Staff's decision on a certification")
public record VerificationRequest(
        @NotNull @Schema(examples = "VERIFIED") Decision decision,
        @Size(max = 500) @Schema(description = "Required when rejecting", examples = "The number does not match the scan")
        String reason) {

    @Schema(name = "CertificationDecision", description = "How staff judged a certification")
    public enum Decision {
        VERIFIED, REJECTED
    }
}
