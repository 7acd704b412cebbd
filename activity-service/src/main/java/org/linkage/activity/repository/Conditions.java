package org.linkage.activity.repository;

import java.util.HashMap;
import java.util.Map;

/** An HQL where clause built from optional filters: a filter left null does not restrict. */
final class Conditions {

    private final StringBuilder where = new StringBuilder("1 = 1");
    private final Map<String, Object> parameters = new HashMap<>();

    /** Adds {@code field = :field} when the value is given. */
    Conditions equal(String field, Object value) {
        return where(field + " = :" + field, field, value);
    }

    /** Adds the condition, which names the parameter, when the value is given. */
    Conditions where(String condition, String parameter, Object value) {
        if (value != null) {
            where.append(" and ").append(condition);
            parameters.put(parameter, value);
        }
        return this;
    }

    String query() {
        return where.toString();
    }

    Map<String, Object> parameters() {
        return parameters;
    }
}
