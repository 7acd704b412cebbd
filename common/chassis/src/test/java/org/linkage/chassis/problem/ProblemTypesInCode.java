package org.linkage.chassis.problem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The problem types (slugs after {@link Problem#TYPE_BASE}) that the main code of every module names, read from
 * its sources, each with the statuses it is answered with where the code says so beside the slug.
 */
final class ProblemTypesInCode {

    /** The repository's root, seen from common/chassis. */
    static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();

    /** A slug written out: a ProblemException (or subclass) with its status, a type built on TYPE_BASE, a URI. */
    private static final Pattern LITERAL = Pattern.compile(
            "(?:new ProblemException\\(|super\\()\\s*(\\d{3}),\\s*\"([a-z-]+)\""
                    + "|TYPE_BASE \\+ \"([a-z-]+)\"(?:,\\s*\"[^\"]*\",\\s*(\\d{3}))?"
                    + "|linkage\\.dev/problems/([a-z-]+)");
    /** A slug held in a constant of the same file: {@code new ProblemException(403, NOT_LINKED, ...)}. */
    private static final Pattern BY_CONSTANT =
            Pattern.compile("new ProblemException\\(\\s*(\\d{3}),\\s*([A-Z][A-Z0-9_]*)\\b");

    private ProblemTypesInCode() {
    }

    /** Slug → the statuses the code answers it with (empty where the status is not written beside the slug). */
    static Map<String, Set<Integer>> slugs() throws IOException {
        Map<String, Set<Integer>> slugs = new TreeMap<>();
        Problem.SLUGS.forEach((status, slug) -> add(slugs, slug, status));
        try (Stream<Path> files = Files.walk(ROOT)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java") && f.toString().contains("/src/main/")
                    && !f.toString().contains("/target/") && !f.toString().contains("/node_modules/")).toList()) {
                String source = Files.readString(file);
                Matcher found = LITERAL.matcher(source);
                while (found.find()) {
                    if (found.group(2) != null) {
                        add(slugs, found.group(2), Integer.parseInt(found.group(1)));
                    } else if (found.group(3) != null) {
                        add(slugs, found.group(3), found.group(4) == null ? null : Integer.parseInt(found.group(4)));
                    } else {
                        add(slugs, found.group(5), null);
                    }
                }
                Matcher constant = BY_CONSTANT.matcher(source);
                while (constant.find()) {
                    Matcher value = Pattern.compile("\\b" + constant.group(2) + "\\s*=\\s*\"([a-z-]+)\"")
                            .matcher(source);
                    if (!value.find()) {
                        throw new AssertionError(file + ": the problem type " + constant.group(2)
                                + " is not a string constant of the same file, so no test can see its slug");
                    }
                    add(slugs, value.group(1), Integer.parseInt(constant.group(1)));
                }
            }
        }
        return slugs;
    }

    private static void add(Map<String, Set<Integer>> slugs, String slug, Integer status) {
        Set<Integer> statuses = slugs.computeIfAbsent(slug, s -> new TreeSet<>());
        if (status != null) {
            statuses.add(status);
        }
    }
}
