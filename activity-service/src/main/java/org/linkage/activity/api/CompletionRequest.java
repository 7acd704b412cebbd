package org.linkage.activity.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.linkage.chassis.security.CurrentUser;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Schema(description = "The social worker confirms the volunteers' reports and the hours to credit each")
public record CompletionRequest(
        @Size(max = 64) @Schema(examples = "sw-0042", description = CurrentUser.ACTOR_FIELD) String confirmedBy,
        @PastOrPresent @Schema(description = "The day of the service; the window's first day if not given")
        LocalDate serviceDate,
        @NotEmpty @Size(max = 20) List<@Valid @NotNull Hours> hours) {

    @Schema(description = "Hours credited to one volunteer who reported")
    public record Hours(
            @NotNull UUID volunteerId,
            @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("24") @Schema(examples = "2")
            BigDecimal hours) {
    }
}
