package org.linkage.volunteer.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A new service team")
public record TeamRequest(
        @NotBlank @Size(max = 100) @Schema(examples = "骑手应急救护队") String name,
        @Size(max = 1000) @Schema(examples = "外卖骑手中的持证救护员，就近响应突发疾病") String description,
        @NotBlank @Size(max = 100) @Schema(description = "The social worker who leads the team", examples = "sw-zhang")
        String leaderId) {
}
