package org.linkage.activity.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "The paired volunteer checks in or out of a session with the code shown at the station")
public record SessionCodeRequest(@NotBlank @Size(max = 12) @Schema(examples = "482913") String code) {
}
