package org.linkage.activity.rest;

import org.linkage.activity.domain.VolunteerGroup;
import org.linkage.chassis.problem.ProblemException;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.function.Function;

/**
 * Parses typed query parameters into a 400 naming the parameter: left to JAX-RS, a value that does not convert
 * would be a bare 404.
 */
final class QueryValues {

    static UUID uuid(String name, String value) {
        return parse(name, value, UUID::fromString, "must be a UUID");
    }

    static Instant instant(String name, String value) {
        return parse(name, value, Instant::parse, "must be a time such as 2026-12-01T00:00:00Z");
    }

    static LocalDate date(String name, String value) {
        return parse(name, value, LocalDate::parse, "must be a date such as 2026-12-01");
    }

    static String group(String name, String value) {
        return parse(name, value, code -> {
            if (!code.matches(VolunteerGroup.CODE)) {
                throw new IllegalArgumentException(code);
            }
            return code;
        }, VolunteerGroup.CODE_MESSAGE);
    }

    private static <T> T parse(String name, String value, Function<String, T> parser, String message) {
        if (value == null) {
            return null;
        }
        try {
            return parser.apply(value.strip());
        } catch (RuntimeException e) {
            throw ProblemException.invalid(name, message);
        }
    }

    private QueryValues() {
    }
}
