package org.linkage.volunteer.mapping;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Reads CSV as spreadsheets save it (RFC 4180 through Apache Commons CSV: quoted fields, doubled quotes, CRLF or LF),
 * without Excel's byte order mark, and tells which cells would run as formulas.
 */
public final class Csv {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

    /** Thrown for text that is not CSV, e.g. a quote left open. */
    public static class MalformedCsvException extends RuntimeException {
        MalformedCsvException(String message) {
            super(message);
        }
    }

    /**
     * Whether a cell would run as a formula when a spreadsheet opens a file it is written to (CSV injection): it
     * starts with =, @, or with + or - not followed by a digit (a phone "+86..." and a number "-1" stay data).
     */
    public static boolean isFormula(String cell) {
        if (cell.isEmpty()) {
            return false;
        }
        char first = cell.charAt(0);
        if (first == '=' || first == '@') {
            return true;
        }
        return (first == '+' || first == '-') && (cell.length() == 1 || !Character.isDigit(cell.charAt(1)));
    }

    /** The records, each a list of fields; blank lines are kept as one empty field so row numbers stay true. */
    public static List<List<String>> parse(String text) {
        String csv = text.startsWith("\uFEFF") ? text.substring(1) : text;
        try (CSVParser parser = CSVParser.parse(csv, FORMAT)) {
            return parser.stream().map(CSVRecord::toList).toList();
        } catch (IOException | UncheckedIOException e) {
            throw new MalformedCsvException(e.getMessage());
        }
    }

    private Csv() {
    }
}
