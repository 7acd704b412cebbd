package org.linkage.volunteer.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

@Schema(description = "A service team")
public record TeamResponse(
        UUID id,
        @Schema(examples = "骑手应急救护队") String name,
        String description,
        @Schema(description = "The social worker who leads the team", examples = "sw-zhang") String leaderId,
        Instant createdAt) {
}
