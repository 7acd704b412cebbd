package org.linkage.chassis.tabular;

import java.util.List;

/**
 * A sheet read from a file: its header row and its data rows (blank rows left out). Row numbers are the ones a
 * spreadsheet shows, the header being row 1.
 */
public record Table(List<String> header, List<Row> rows) {

    public Table {
        header = List.copyOf(header);
        rows = List.copyOf(rows);
    }

    public record Row(int number, List<String> cells) {

        public Row {
            cells = List.copyOf(cells);
        }

        /** The cell at this position, stripped; "" past the row's end. */
        public String cell(int position) {
            return position < cells.size() ? cells.get(position).strip() : "";
        }
    }
}
