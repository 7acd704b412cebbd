package org.linkage.chassis.tabular;

import java.util.List;
import java.util.Locale;

/** A column heading of an export in both languages: Chinese by default, English when the reader asks for it. */
public record Heading(String zh, String en) {

    /** The headings in the language of an Accept-Language header: English if it prefers en, else Chinese. */
    public static List<String> labels(List<Heading> headings, String acceptLanguage) {
        boolean english = acceptLanguage != null
                && acceptLanguage.strip().toLowerCase(Locale.ROOT).startsWith("en");
        return headings.stream().map(heading -> english ? heading.en() : heading.zh()).toList();
    }
}
