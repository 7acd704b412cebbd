package org.linkage.activity.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.linkage.activity.domain.FileEntryKind;
import org.linkage.chassis.security.CurrentUser;

import java.time.Instant;

@Schema(description = "A note or a visit for the beneficiary's personal file")
public record FileEntryRequest(
        @NotNull @Schema(examples = "VISIT") FileEntryKind kind,
        @NotBlank @Size(max = 4000) @Schema(examples = "Homework checked; reading has improved") String text,
        @NotNull @PastOrPresent @Schema(examples = "2026-11-20T09:00:00Z") Instant occurredAt,
        @Size(max = 64) @Schema(examples = "sw-0042", description = CurrentUser.ACTOR_FIELD) String author) {
}
