package org.linkage.activity.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

@Schema(description = "The claimer says the wish is fulfilled")
public record FulfilmentRequest(
        @NotNull UUID volunteerId,
        @NotBlank @Size(max = 1000) @Schema(examples = "Glasses bought and delivered; she tried them on") String note,
        @Size(max = 500) @Pattern(regexp = "https://\\S+", message = "must be an https URL")
        @Schema(examples = "https://photos.example.org/wish-42.jpg") String photoUrl) {
}
