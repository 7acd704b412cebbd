package org.linkage.volunteer.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A catalogue entry's new labels; its code stays, so what refers to it is unchanged")
public record CatalogueLabelsRequest(
        @NotBlank @Size(max = 100) @Schema(required = true, maxLength = 100, examples = "手语翻译") String nameZh,
        @NotBlank @Size(max = 100) @Schema(required = true, maxLength = 100, examples = "Sign-language interpreting")
        String nameEn) {
}
