package org.linkage.chassis.tabular;

import org.linkage.chassis.problem.ProblemException;
import org.linkage.chassis.problem.Violation;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** An all-or-nothing import refused because some rows are invalid: each violation names its row and column. */
public final class RejectedRows {

    /**
     * @param violationsByRow row number (as the spreadsheet shows it) to what is wrong with that row, field by
     *                        field; becomes "rows[4].phone"
     */
    public static ProblemException problem(Map<Integer, List<Violation>> violationsByRow) {
        List<Violation> violations = violationsByRow.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .flatMap(row -> row.getValue().stream()
                        .map(v -> new Violation("rows[" + row.getKey() + "]." + v.field(), v.message())))
                .toList();
        return new ProblemException(400, "rows-rejected", "Rows rejected",
                violationsByRow.size() + " row(s) are invalid, so nothing was imported; correct them, or import "
                        + "the valid rows alone with partial=true: "
                        + violations.stream().map(v -> v.field() + " " + v.message()).collect(Collectors.joining("; ")),
                violations);
    }

    private RejectedRows() {
    }
}
