package org.linkage.volunteer.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "An entry of a managed catalogue")
public record CatalogueEntryResponse(
        @Schema(required = true, examples = "first-aid") String code,
        @Schema(required = true, examples = "应急救护") String nameZh,
        @Schema(required = true, examples = "First aid") String nameEn) {
}
