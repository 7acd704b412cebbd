package org.linkage.matching.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.linkage.chassis.web.Coordinates;

import java.time.Instant;

@Schema(description = "Where an on-duty responder is now, as their phone fixed it")
public record LivePositionPing(
        @NotNull @Valid @Schema(description = "The position, in the system it names (GCJ02 from AMap or "
                + "WeChat, BD09 from Baidu, WGS84 from the phone's GNSS when left out)") Coordinates position,
        @NotNull @PositiveOrZero @Max(1_000_000) @Schema(description = "The phone's own estimate of the fix's "
                + "accuracy, in metres; fixes less accurate than the service's limit are refused",
                examples = "12") Integer accuracyMetres,
        @NotNull @Schema(description = "When the phone fixed the position (not when it was sent)",
                examples = "2026-12-05T08:30:00Z") Instant recordedAt) {
}
