package org.linkage.chassis.problem;

/**
 * The characters no text the API accepts may hold: C0 controls other than tab, line feed and carriage return
 * (PostgreSQL refuses U+0000 in text), the non-characters U+FFFE and U+FFFF, and unpaired surrogates (which
 * would be stored as "?"). The one rule for JSON strings and keys, parameters, headers, form fields and CSV cells.
 */
public final class ControlCharacters {

    /** The index of the first forbidden character, or -1 when the text is clean (or null). */
    public static int firstForbidden(CharSequence text) {
        if (text == null) {
            return -1;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == '\uFFFE' || c == '\uFFFF') {
                return i;
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    /** What is wrong with a text whose character at {@code index} is forbidden, for a violation's message. */
    public static String message(CharSequence text, int index) {
        return String.format("must not contain control characters (U+%04X at position %d)", (int) text.charAt(index),
                index);
    }

    /** @throws ProblemException 400 naming the field when the value holds a forbidden character */
    public static void require(String field, CharSequence value) {
        int index = firstForbidden(value);
        if (index >= 0) {
            throw ProblemException.invalid(printable(field), message(value, index));
        }
    }

    /** The text with forbidden characters written as \\uXXXX, so that a field name can be shown in a problem. */
    public static String printable(String text) {
        if (firstForbidden(text) < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(point -> {
            String character = Character.toString(point);
            out.append(firstForbidden(character) < 0 ? character : String.format("\\u%04X", point));
        });
        return out.toString();
    }

    private ControlCharacters() {
    }
}
