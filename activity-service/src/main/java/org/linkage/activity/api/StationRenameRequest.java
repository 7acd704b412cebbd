package org.linkage.activity.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A station's new labels; its id, and so every activity and statistic referring to it, stays")
public record StationRenameRequest(
        @NotBlank @Size(max = 120) @Schema(required = true, description = "The zh-CN label",
                examples = "新华路街道党群服务中心") String name,
        @Size(max = 120) @Pattern(regexp = ".*\\S.*", message = "must not be blank")
        @Schema(description = "The English label; left out, the station has none and English readers read the zh-CN "
                + "one", examples = "Xinhua Party and Community Centre") String nameEn) {
}
