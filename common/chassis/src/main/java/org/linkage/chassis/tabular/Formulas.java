package org.linkage.chassis.tabular;

/** Cells a spreadsheet would run as formulas (CSV injection), refused on the way in and defused on the way out. */
public final class Formulas {

    /**
     * Whether an imported cell would run as a formula: it starts with =, @, or with + or - not followed by a digit
     * (a phone "+86..." and a number "-1" stay data). Such a cell is never stored.
     */
    public static boolean wouldRun(String cell) {
        if (cell.isEmpty()) {
            return false;
        }
        char first = cell.charAt(0);
        if (first == '=' || first == '@') {
            return true;
        }
        return (first == '+' || first == '-') && (cell.length() == 1 || !Character.isDigit(cell.charAt(1)));
    }

    /**
     * An exported text cell that starts with = + - @, a tab or a carriage return gets a leading apostrophe, so a
     * spreadsheet shows it as text instead of running it (numbers are written as numbers, not through this).
     */
    public static String neutralised(String text) {
        if (text.isEmpty()) {
            return text;
        }
        char first = text.charAt(0);
        boolean formula = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t'
                || first == '\r';
        return formula ? "'" + text : text;
    }

    private Formulas() {
    }
}
