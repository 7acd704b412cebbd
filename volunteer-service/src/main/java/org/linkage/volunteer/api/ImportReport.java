package org.linkage.volunteer.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.linkage.chassis.i18n.Language;
import org.linkage.chassis.problem.Violation;

import java.util.List;
import java.util.UUID;

@Schema(description = "What became of each row of an imported CSV file; rows count from 1, the header being row 1")
public record ImportReport(
        @Schema(required = true, description = "Data rows read", examples = "3") int rows,
        @Schema(required = true, description = "Rows registered as new volunteers") List<AcceptedRow> accepted,
        @Schema(required = true,
                description = "Rows whose phone is already registered: nothing changed (so re-importing is safe)")
        List<AcceptedRow> alreadyRegistered,
        @Schema(required = true, description = "Rows refused, each with its reasons, in the reader's language "
                + "(Chinese unless Accept-Language prefers English); fields as in the sheet's columns")
        List<RejectedRow> rejected) {

    /** The report with the rejected rows' messages in this language (the code writes them in English). */
    public ImportReport inLanguage(Language language) {
        return new ImportReport(rows, accepted, alreadyRegistered, rejected.stream()
                .map(row -> new RejectedRow(row.row(), Violation.inLanguage(row.violations(), language))).toList());
    }

    public record AcceptedRow(@Schema(required = true,
            examples = "2") int row, @Schema(required = true) UUID volunteerId) {
    }

    public record RejectedRow(@Schema(required = true,
            examples = "3") int row, @Schema(required = true) List<Violation> violations) {
    }
}
