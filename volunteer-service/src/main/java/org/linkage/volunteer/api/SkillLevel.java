package org.linkage.volunteer.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A skill from the catalogue and how well the volunteer masters it")
public record SkillLevel(
        @NotBlank @Schema(examples = "elder-care") String code,
        @NotNull @Min(1) @Max(3) @Schema(description = "1 beginner, 2 experienced, 3 expert", examples = "2")
        Integer level) {
}
