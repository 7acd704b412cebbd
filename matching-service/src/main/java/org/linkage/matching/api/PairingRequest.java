package org.linkage.matching.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.linkage.chassis.web.Coordinates;
import org.linkage.events.TimeWindow;

import java.util.List;
import java.util.UUID;

@Schema(description = "A group of beneficiaries to pair one-to-one with volunteers of a pool")
public record PairingRequest(
        @NotBlank @Size(max = 100) @Schema(examples = "one-to-one-tutoring") String category,
        @NotNull @Schema(description = "The first session of every pair; the volunteers must be free then")
        TimeWindow firstSession,
        @NotEmpty @Size(max = 50) List<@NotNull @Valid Beneficiary> beneficiaries,
        @NotEmpty @Size(max = 200) List<@NotNull UUID> volunteerIds) {

    @Schema(description = "A child or elder to pair; only an opaque reference, never their personal data")
    public record Beneficiary(
            @NotNull UUID beneficiaryRef,
            @NotBlank @Size(max = 100) @Schema(examples = "tutoring") String requiredSkill,
            @NotNull @Valid @Schema(description = "Where the sessions take place, blurred to about 100 m")
            Coordinates location,
            @Schema(examples = "CHILD") String careCategory) {
    }
}
