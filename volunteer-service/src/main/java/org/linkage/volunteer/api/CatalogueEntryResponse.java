package org.linkage.volunteer.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

@Schema(description = "An entry of a managed catalogue")
public record CatalogueEntryResponse(
        @Schema(required = true, examples = "first-aid") String code,
        @Schema(required = true, examples = "应急救护") String nameZh,
        @Schema(required = true, examples = "First aid") String nameEn,
        @Schema(required = true, nullable = true, description = "When an admin retired it (refused for new use); "
                + "null while in use", examples = "2026-12-01T08:00:00Z")
        Instant retiredAt) {
}
