package org.linkage.activity.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.linkage.activity.domain.FocusGroup;
import org.linkage.chassis.web.Coordinates;

import java.time.LocalDate;

@Schema(description = "A resident the district serves. Personal data: visible through this API only, never in events")
public record RegisterBeneficiaryRequest(
        @NotNull @Schema(examples = "CHILD") FocusGroup focusGroup,
        @NotBlank @Size(max = 100) @Schema(examples = "李小明") String fullName,
        @Size(max = 30) @Schema(examples = "+86 139 0000 0000") String phone,
        @NotBlank @Size(max = 300) @Schema(examples = "Lane 12, No. 3, Room 401") String address,
        @Past @Schema(examples = "2016-05-01", description = "Required for a child; under 14 needs a guardian")
        LocalDate birthDate,
        @NotNull @Valid @Schema(description = "The home; needs at home travel blurred to about 100 m") Coordinates home,
        @NotBlank @Size(max = 64) @Schema(examples = "xinhua") String community,
        @NotBlank @Size(max = 64) @Schema(examples = "sw-0042") String socialWorkerId,
        @Valid @Schema(description = "Required for a child under 14") GuardianRequest guardian) {
}
