package org.linkage.chassis.problem;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One thing wrong with the input: which field, and what is wrong with it. */
@Schema(description = "A field-level validation error")
public record Violation(
        @Schema(description = "The field, as a JSON path from the request body or the name of a parameter",
                examples = "phone") String field,
        @Schema(examples = "must be a mainland China mobile number") String message) {
}
