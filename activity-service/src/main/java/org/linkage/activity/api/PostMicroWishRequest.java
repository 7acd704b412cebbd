package org.linkage.activity.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.linkage.chassis.security.CurrentUser;

import java.util.UUID;

@Schema(description = "A resident's small wish, posted by their social worker; shown to volunteers without "
        + "personal data")
public record PostMicroWishRequest(
        @NotBlank @Size(max = 120) @Schema(examples = "A pair of reading glasses (+2.5)") String title,
        @Size(max = 1000) @Schema(examples = "For reading the newspaper; any frame will do") String description,
        @NotBlank @Size(max = 64) @Schema(examples = "xinhua") String community,
        @Size(max = 64) @Schema(examples = "sw-0042", description = CurrentUser.ACTOR_FIELD) String postedBy,
        @Schema(description = "The beneficiary whose wish it is, if registered") UUID beneficiaryId) {
}
