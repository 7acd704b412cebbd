package org.linkage.activity.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.linkage.activity.domain.NeedCategory;
import org.linkage.activity.domain.VolunteerGroup;
import org.linkage.chassis.security.CurrentUser;
import org.linkage.chassis.web.Coordinates;
import org.linkage.events.need.Urgency;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(description = "A need a social worker raises for a resident")
public record RaiseNeedRequest(
        @NotNull @Pattern(regexp = NeedCategory.PATTERN, message = NeedCategory.MESSAGE)
        @Schema(examples = "home-visit", enumeration = {"home-visit", "tutoring", "companionship", "repairs",
                "haircut", "clinic", "first-aid-emergency", "one-to-one-pairing", "errand"})
        String category,
        @NotNull @Pattern(regexp = CODE, message = "must be a skill code such as elder-care")
        @Schema(examples = "elder-care", description = "The skill a volunteer must have to be offered the need")
        String requiredSkill,
        @Valid @Schema(description = "Where the help is needed; used to rank volunteers by distance. Required "
                + "unless a beneficiary is given, whose home it then is")
        Coordinates location,
        @NotNull @Valid NeedWindow window,
        @NotNull @Schema(examples = "ROUTINE") Urgency urgency,
        @Min(1) @Max(20) @Schema(examples = "1", defaultValue = "1") Integer volunteersNeeded,
        @Size(max = 64)
        @Schema(examples = "sw-0042", description = "Who raises the need and is told how it ends. "
                + CurrentUser.ACTOR_FIELD)
        String requestedBy,
        @Size(max = 500)
        @Schema(examples = "Weekly visit: chat, check the flat is warm, help with the shopping list",
                description = "Shown to the volunteers offered the need. Must contain no personal data: no names, "
                        + "phone numbers, addresses or health details of the resident.")
        String summary,
        @Schema(description = "The beneficiary served; a child under 14 needs their guardian's consent to the "
                + "category first") UUID beneficiaryId,
        @DecimalMin(value = "0", inclusive = false) @DecimalMax("24") @Schema(examples = "1.5")
        BigDecimal estimatedHours,
        @Size(max = 10) List<@NotNull @Pattern(regexp = CODE, message = "must be a code such as first-aid") String>
        requiredCertifications,
        @Size(max = 10) List<@NotNull @Pattern(regexp = CODE, message = "must be a code such as ethics-101") String>
        requiredTraining,
        @Min(50) @Max(50_000) @Schema(examples = "3000", description = "How far away a volunteer may be")
        Integer radiusMetres,
        @Future @Schema(description = "When the need must be matched at the latest; not after the window ends")
        Instant deadline,
        @Valid @Schema(description = "Makes it recurring, e.g. a monthly home visit") RecurrenceRequest recurrence,
        @Size(max = 64) @Schema(examples = "xinhua", description = "Taken from the beneficiary when one is given")
        String community,
        @Size(max = 6) @Schema(description = "Offer the need only to volunteers of these groups (e.g. the "
                + "platform's riders for a delivery); absent or empty for anyone", examples = "[\"RIDER\"]")
        List<@NotNull @Pattern(regexp = VolunteerGroup.CODE, message = VolunteerGroup.CODE_MESSAGE)
        String> volunteerGroups) {

    static final String CODE = "[a-z][a-z0-9-]{1,39}";

    /** The same request for the given community. */
    public RaiseNeedRequest inCommunity(String community) {
        return new RaiseNeedRequest(category, requiredSkill, location, window, urgency, volunteersNeeded, requestedBy,
                summary, beneficiaryId, estimatedHours, requiredCertifications, requiredTraining, radiusMetres,
                deadline, recurrence, community, volunteerGroups);
    }

    public RaiseNeedRequest {
        if (volunteersNeeded == null) {
            volunteersNeeded = 1;
        }
        requiredCertifications = requiredCertifications == null ? List.of() : requiredCertifications;
        requiredTraining = requiredTraining == null ? List.of() : requiredTraining;
        volunteerGroups = volunteerGroups == null ? List.of() : volunteerGroups;
    }
}
