package org.linkage.activity.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.linkage.activity.domain.FocusGroup;
import org.linkage.chassis.web.Coordinates;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

@Schema(description = "A beneficiary with their personal data")
public record BeneficiaryResponse(
        UUID id,
        FocusGroup focusGroup,
        String fullName,
        String phone,
        String address,
        LocalDate birthDate,
        @Schema(description = "Under 14: a guardian consents for them") boolean minor,
        Coordinates home,
        String community,
        String socialWorkerId,
        GuardianRequest guardian,
        Instant createdAt,
        Instant updatedAt) {
}
