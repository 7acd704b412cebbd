package org.linkage.activity.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A station's new name; its id, and so every activity and statistic referring to it, stays")
public record StationRenameRequest(
        @NotBlank @Size(max = 120) @Schema(required = true, examples = "新华路街道党群服务中心") String name) {
}
