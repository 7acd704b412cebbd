package org.linkage.activity.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

@Schema(description = "The code to show at the station, and until when it is accepted")
public record StationCodeResponse(@Schema(required = true,
        examples = "482913") String code, @Schema(required = true) Instant expiresAt) {
}
