package org.linkage.chassis.tabular;

import org.linkage.chassis.problem.ProblemException;

import java.util.Locale;

/** The formats exports are written in. */
public enum SheetFormat {
    /** UTF-8 with a byte order mark, which Excel needs to open Chinese text correctly. */
    CSV("text/csv; charset=UTF-8", "csv"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

    public static final String CSV_TYPE = "text/csv";
    public static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final String mediaType;
    private final String extension;

    SheetFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    /** @throws ProblemException 400 on "format" unless csv or xlsx (any case); null means csv */
    public static SheetFormat of(String format) {
        if (format == null || format.isBlank()) {
            return CSV;
        }
        return switch (format.strip().toLowerCase(Locale.ROOT)) {
            case "csv" -> CSV;
            case "xlsx" -> XLSX;
            default -> throw ProblemException.invalid("format", "must be csv or xlsx");
        };
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }
}
