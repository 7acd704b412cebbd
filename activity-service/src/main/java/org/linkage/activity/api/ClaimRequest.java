package org.linkage.activity.api;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

@Schema(description = "The volunteer who takes the wish on")
public record ClaimRequest(@NotNull UUID volunteerId) {
}
