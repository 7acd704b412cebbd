package org.linkage.volunteer.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

@Schema(description = "A service team")
public record TeamResponse(
        @Schema(required = true) UUID id,
        @Schema(required = true, examples = "骑手应急救护队") String name,
        @Schema(required = true, nullable = true) String description,
        @Schema(required = true,
                description = "The social worker who leads the team", examples = "sw-zhang") String leaderId,
        @Schema(required = true) Instant createdAt) {
}
