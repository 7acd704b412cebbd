package org.linkage.matching.api;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

@Schema(description = "The volunteer the social worker assigns the need to")
public record AssignByHandRequest(@NotNull UUID volunteerId) {
}
