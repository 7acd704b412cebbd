package org.linkage.chassis.problem;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.linkage.chassis.i18n.Language;
import org.linkage.chassis.i18n.Messages;

import java.util.List;

/** One thing wrong with the input: which field, and what is wrong with it. */
@Schema(description = "A field-level validation error")
public record Violation(
        @Schema(description = "The field, as a JSON path from the request body or the name of a parameter",
                examples = "phone") String field,
        @Schema(examples = "must be a mainland China mobile number") String message) {

    /** The same violation with its message in this language (the code writes it in English); the field stays. */
    public Violation inLanguage(Language language) {
        return new Violation(field, Messages.get().translate(message, language));
    }

    /** Violations (a problem's, an import report's rejected rows') in this language. */
    public static List<Violation> inLanguage(List<Violation> violations, Language language) {
        return violations == null ? null : violations.stream().map(v -> v.inLanguage(language)).toList();
    }
}
