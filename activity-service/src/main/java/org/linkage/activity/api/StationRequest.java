package org.linkage.activity.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.linkage.activity.domain.StationKind;
import org.linkage.chassis.web.Coordinates;

import java.util.List;

@Schema(description = "A service station: a fixed public place where activities happen")
public record StationRequest(
        @NotBlank @Size(max = 120) @Schema(description = "The zh-CN label", examples = "新华社区中心") String name,
        @Size(max = 120) @Pattern(regexp = ".*\\S.*", message = "must not be blank")
        @Schema(description = "The English label; left out, English readers read the zh-CN one",
                examples = "Xinhua Community Centre") String nameEn,
        @NotNull @Schema(examples = "COMMUNITY_CENTRE") StationKind kind,
        @NotBlank @Size(max = 300) @Schema(examples = "88 Xinhua Road") String address,
        @NotNull @Valid Coordinates location,
        @NotBlank @Size(max = 64) @Schema(examples = "xinhua") String community,
        @Size(max = 14) List<@Valid @NotNull OpeningHoursRequest> openingHours,
        @Size(max = 20) List<@NotBlank @Size(max = 120) String> partnerOrganisations) {

    public StationRequest {
        openingHours = openingHours == null ? List.of() : openingHours;
        partnerOrganisations = partnerOrganisations == null ? List.of() : partnerOrganisations;
    }
}
