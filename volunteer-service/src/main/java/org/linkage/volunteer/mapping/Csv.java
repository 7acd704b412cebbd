package org.linkage.volunteer.mapping;

import java.util.ArrayList;
import java.util.List;

/** Reads CSV as spreadsheets save it (RFC 4180: quoted fields, doubled quotes, CRLF or LF, Excel's BOM). */
public final class Csv {

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
        List<List<String>> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                    i++;
                }
                fields.add(field.toString());
                field.setLength(0);
                records.add(fields);
                fields = new ArrayList<>();
                line++;
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new MalformedCsvException("a quoted field opened before line " + line + " is never closed");
        }
        if (!field.isEmpty() || !fields.isEmpty()) {
            fields.add(field.toString());
            records.add(fields);
        }
        return records;
    }

    private Csv() {
    }
}
