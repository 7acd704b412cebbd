package org.linkage.volunteer.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(description = "Replaces a volunteer's skills")
public record SkillsRequest(@NotNull @Size(min = 1, max = 20) List<@Valid @NotNull SkillLevel> skills) {
}
