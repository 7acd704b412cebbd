package org.linkage.activity.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.linkage.activity.domain.NeedCategory;
import org.linkage.chassis.web.Coordinates;
import org.linkage.events.need.Urgency;

@Schema(description = "A need a social worker raises for a resident")
public record RaiseNeedRequest(
        @NotNull @Pattern(regexp = NeedCategory.PATTERN, message = NeedCategory.MESSAGE)
        @Schema(examples = "home-visit", enumeration = {"home-visit", "tutoring", "companionship", "repairs",
                "haircut", "clinic", "first-aid-emergency", "one-to-one-pairing", "errand"})
        String category,
        @NotNull @Pattern(regexp = "[a-z][a-z0-9-]{1,39}", message = "must be a skill code such as elder-care")
        @Schema(examples = "elder-care", description = "The skill a volunteer must have to be offered the need")
        String requiredSkill,
        @NotNull @Valid @Schema(description = "Where the help is needed; used to rank volunteers by distance")
        Coordinates location,
        @NotNull @Valid NeedWindow window,
        @NotNull @Schema(examples = "ROUTINE") Urgency urgency,
        @Min(1) @Max(20) @Schema(examples = "1", defaultValue = "1") Integer volunteersNeeded,
        @NotBlank @Size(max = 64)
        @Schema(examples = "sw-0042", description = "The social worker raising the need, who is told how it ends")
        String requestedBy,
        @Size(max = 500)
        @Schema(examples = "Weekly visit: chat, check the flat is warm, help with the shopping list",
                description = "Shown to the volunteers offered the need. Must contain no personal data: no names, "
                        + "phone numbers, addresses or health details of the resident.")
        String summary) {

    public RaiseNeedRequest {
        if (volunteersNeeded == null) {
            volunteersNeeded = 1;
        }
    }
}
