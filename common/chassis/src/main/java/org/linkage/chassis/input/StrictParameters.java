package org.linkage.chassis.input;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MultivaluedMap;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.linkage.chassis.problem.ProblemException;
import org.linkage.chassis.problem.ProblemMappers;
import org.linkage.chassis.problem.Violation;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The query, path and header parameters an operation declares, read as strictly as its JSON body: an integer
 * parameter takes only an integer in range, a boolean only true or false, a UUID only its canonical form, an enum
 * only one of its names. A query or header value that does not is a 400, a path segment a 404; both name it.
 * Without this a value that does not convert answers 404 (query, path) or is read leniently ("yes" as false,
 * "1-1-1-1-1" as a UUID).
 */
public record StrictParameters(List<Declared> declared) {

    private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");
    private static final Pattern NUMBER = Pattern.compile("[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]+)?");
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    enum Source { QUERY, PATH, HEADER }

    /** One parameter: where it comes from, its name, what its value must look like and how to say so. */
    record Declared(Source source, String name, Predicate<String> valid, String expected) {
    }

    /** The operation's parameters, and those of the fields of any {@code @BeanParam} it takes. */
    public static StrictParameters of(Method method) {
        List<Declared> declared = new ArrayList<>();
        for (Parameter parameter : method.getParameters()) {
            if (parameter.isAnnotationPresent(BeanParam.class)) {
                for (Class<?> type = parameter.getType(); type != Object.class; type = type.getSuperclass()) {
                    for (Field field : type.getDeclaredFields()) {
                        declare(declared, field.getAnnotations(), field.getName(), field.getType());
                    }
                }
            } else {
                declare(declared, parameter.getAnnotations(), parameter.getName(), parameter.getType());
            }
        }
        return new StrictParameters(List.copyOf(declared));
    }

    private static void declare(List<Declared> declared, Annotation[] annotations, String defaultName,
                                Class<?> type) {
        Source source = null;
        String name = null;
        for (Annotation annotation : annotations) {
            if (annotation instanceof QueryParam query) {
                source = Source.QUERY;
                name = query.value();
            } else if (annotation instanceof PathParam path) {
                source = Source.PATH;
                name = path.value();
            } else if (annotation instanceof HeaderParam header) {
                source = Source.HEADER;
                name = header.value();
            } else if (annotation instanceof RestQuery query) {
                source = Source.QUERY;
                name = query.value().isEmpty() ? defaultName : query.value();
            } else if (annotation instanceof RestPath path) {
                source = Source.PATH;
                name = path.value().isEmpty() ? defaultName : path.value();
            } else if (annotation instanceof RestHeader header) {
                source = Source.HEADER;
                name = header.value().isEmpty() ? defaultName : header.value();
            }
        }
        if (source != null) {
            Declared rule = rule(source, name, type);
            if (rule != null) {
                declared.add(rule);
            }
        }
    }

    /** @throws ProblemException 400 naming the first parameter whose value its type does not allow */
    public void check(MultivaluedMap<String, String> query, MultivaluedMap<String, String> path,
                      MultivaluedMap<String, String> headers) {
        for (Declared parameter : declared) {
            List<String> values = switch (parameter.source()) {
                case QUERY -> query.get(parameter.name());
                case PATH -> path.get(parameter.name());
                case HEADER -> headers.get(parameter.name());
            };
            if (values == null) {
                continue;
            }
            for (String value : values) {
                if (!parameter.valid().test(value)) {
                    throw parameter.source() == Source.PATH ? noSuchPath(parameter) : ProblemException.invalid(
                            parameter.name(), parameter.expected());
                }
            }
        }
    }

    /** A path that cannot name anything (an id that is no UUID) is a 404, as the services' tests expect. */
    private static ProblemException noSuchPath(Declared parameter) {
        return new ProblemException(404, "not-found", "Not found",
                "No such resource: " + parameter.name() + " " + parameter.expected(),
                List.of(new Violation(parameter.name(), parameter.expected())));
    }

    private static Declared rule(Source source, String name, Class<?> type) {
        if (type == int.class || type == Integer.class) {
            return new Declared(source, name, text -> within(text, Integer.MIN_VALUE, Integer.MAX_VALUE),
                    "must be an integer from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE);
        }
        if (type == long.class || type == Long.class) {
            return new Declared(source, name, text -> within(text, Long.MIN_VALUE, Long.MAX_VALUE),
                    "must be an integer from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE);
        }
        if (type == short.class || type == Short.class) {
            return new Declared(source, name, text -> within(text, Short.MIN_VALUE, Short.MAX_VALUE),
                    "must be an integer from " + Short.MIN_VALUE + " to " + Short.MAX_VALUE);
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
            return new Declared(source, name, StrictParameters::finiteNumber, "must be a number");
        }
        if (type == boolean.class || type == Boolean.class) {
            return new Declared(source, name, text -> text.equals("true") || text.equals("false"),
                    ProblemMappers.expected(type));
        }
        if (type == UUID.class) {
            return new Declared(source, name, text -> UUID_TEXT.matcher(text).matches(),
                    ProblemMappers.expected(type));
        }
        if (type == LocalDate.class) {
            return new Declared(source, name, StrictParameters::date, "must be a date such as 2026-05-01");
        }
        // An enum with its own fromString converts as it chooses.
        boolean plainEnum = type.isEnum()
                && Arrays.stream(type.getDeclaredMethods()).noneMatch(m -> m.getName().equals("fromString"));
        if (plainEnum) {
            List<String> names = Arrays.stream(type.getEnumConstants()).map(e -> ((Enum<?>) e).name()).toList();
            return new Declared(source, name, names::contains, ProblemMappers.expected(type));
        }
        return null;
    }

    static boolean within(String text, long min, long max) {
        if (!INTEGER.matcher(text).matches()) {
            return false;
        }
        try {
            long value = Long.parseLong(text);
            return value >= min && value <= max;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    static boolean finiteNumber(String text) {
        try {
            return NUMBER.matcher(text).matches() && Double.isFinite(Double.parseDouble(text));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean date(String text) {
        try {
            LocalDate.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
