package org.linkage.volunteer.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.linkage.volunteer.domain.CatalogueKind;

/** A new entry of a managed catalogue; its code is what volunteers' records and needs will refer to. */
@Schema(description = "A new catalogue entry: its code (never changes) and its Chinese and English labels")
public record CatalogueEntryRequest(
        @NotBlank @Size(max = 50) @Pattern(regexp = CatalogueKind.Codes.EITHER,
                message = "must be lower-case letters and digits joined by hyphens, e.g. first-aid")
        @Schema(required = true, pattern = CatalogueKind.Codes.EITHER, maxLength = 50, examples = "sign-language",
                description = "Lower case with hyphens (first-aid); volunteer group types in upper case with "
                        + "underscores (RETIRED_TEACHER)")
        String code,
        @NotBlank @Size(max = 100) @Schema(required = true, maxLength = 100, examples = "手语") String nameZh,
        @NotBlank @Size(max = 100) @Schema(required = true, maxLength = 100, examples = "Sign language") String nameEn,
        @Min(1) @Max(240) @Schema(nullable = true, minimum = "1", maximum = "240",
                description = "Training courses only: how many months a completion counts; absent when it never "
                        + "lapses. Refused for other catalogues.", examples = "24")
        Integer validityMonths,
        @Size(max = 50) @Schema(nullable = true, maxLength = 50, description = "Organisations only: the volunteer "
                + "group type (GET /api/v1/volunteer-group-types) its volunteers serve with, e.g. COLLEGE_STUDENT "
                + "for a school; absent when not one. Refused for other catalogues.", examples = "COLLEGE_STUDENT")
        String groupType) {
}
