package org.linkage.activity.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "The adult who answers for a minor and consents on their behalf")
public record GuardianRequest(
        @NotBlank @Size(max = 100) @Schema(examples = "王丽") String name,
        @NotBlank @Size(max = 30) @Schema(examples = "+86 138 0000 0000") String phone,
        @NotBlank @Size(max = 40) @Schema(examples = "mother") String relation) {
}
