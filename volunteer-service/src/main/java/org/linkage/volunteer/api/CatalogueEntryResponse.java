package org.linkage.volunteer.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "An entry of a managed catalogue")
public record CatalogueEntryResponse(
        @Schema(examples = "first-aid") String code,
        @Schema(examples = "应急救护") String nameZh,
        @Schema(examples = "First aid") String nameEn) {
}
