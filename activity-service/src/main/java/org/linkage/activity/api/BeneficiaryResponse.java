package org.linkage.activity.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.linkage.activity.domain.FocusGroup;
import org.linkage.chassis.web.Coordinates;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

@Schema(description = "A beneficiary with their personal data")
public record BeneficiaryResponse(
        @Schema(required = true) UUID id,
        @Schema(required = true) FocusGroup focusGroup,
        @Schema(required = true, nullable = true, description = "Null in lists") String fullName,
        @Schema(required = true, nullable = true) String phone,
        @Schema(required = true, nullable = true, description = "Null in lists") String address,
        @Schema(required = true, nullable = true) LocalDate birthDate,
        @Schema(required = true, description = "Under 14: a guardian consents for them") boolean minor,
        @Schema(required = true, nullable = true) Coordinates home,
        @Schema(required = true) String community,
        @Schema(required = true) String socialWorkerId,
        @Schema(required = true, nullable = true) GuardianRequest guardian,
        @Schema(required = true) Instant createdAt,
        @Schema(required = true) Instant updatedAt) {
}
