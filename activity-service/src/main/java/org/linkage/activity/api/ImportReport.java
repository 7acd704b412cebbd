package org.linkage.activity.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.linkage.chassis.problem.Violation;

import java.util.List;
import java.util.UUID;

@Schema(description = "What became of each row of an imported sheet; rows count as the spreadsheet shows them, "
        + "the header being row 1")
public record ImportReport(
        @Schema(required = true, description = "Data rows read", examples = "3") int rows,
        @Schema(required = true, description = "Rows stored, with the id each became") List<AcceptedRow> accepted,
        @Schema(required = true, description = "Rows refused (only in a partial import), each with its reasons")
        List<RejectedRow> rejected) {

    public record AcceptedRow(@Schema(required = true, examples = "2") int row, @Schema(required = true) UUID id) {
    }

    public record RejectedRow(@Schema(required = true,
            examples = "3") int row, @Schema(required = true) List<Violation> violations) {
    }
}
