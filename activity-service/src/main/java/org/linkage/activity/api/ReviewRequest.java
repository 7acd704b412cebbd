package org.linkage.activity.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

@Schema(description = "A periodic review of a pairing: how it goes, and when to look again")
public record ReviewRequest(
        @NotBlank @Size(max = 2000) @Schema(examples = "Reading has improved; the family is satisfied") String notes,
        @NotNull @Schema(examples = "2027-03-01") LocalDate nextReviewOn) {
}
