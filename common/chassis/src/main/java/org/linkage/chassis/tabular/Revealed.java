package org.linkage.chassis.tabular;

import org.linkage.chassis.problem.ProblemException;
import org.linkage.chassis.problem.Violation;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The sensitive fields an export shows unmasked, asked for with the "reveal" parameter (comma separated). Exports
 * mask them by default; asking without the right is refused rather than silently masked.
 */
public record Revealed(Set<String> fields) {

    /**
     * @param sensitive the fields this export masks
     * @param mayReveal whether the caller's role may see them whole
     * @throws ProblemException 400 on "reveal" for a field that is not one of them; 403 when the caller may not
     */
    public static Revealed of(String reveal, Set<String> sensitive, boolean mayReveal) {
        Set<String> asked = new TreeSet<>();
        if (reveal != null && !reveal.isBlank()) {
            Arrays.stream(reveal.split(",")).map(String::strip).filter(f -> !f.isEmpty()).forEach(asked::add);
        }
        for (String field : asked) {
            if (!sensitive.contains(field)) {
                throw ProblemException.invalid("reveal", "names " + field + ", which this export does not mask "
                        + "(masked: " + String.join(", ", new TreeSet<>(sensitive)) + ")");
            }
        }
        if (!asked.isEmpty() && !mayReveal) {
            throw new ProblemException(403, "export-forbidden", "Forbidden",
                    "Your role may not export " + String.join(", ", asked) + " unmasked; leave reveal out to "
                            + "export them masked", List.of(new Violation("reveal", "needs a role that may see "
                    + String.join(", ", asked))));
        }
        return new Revealed(Set.copyOf(asked));
    }

    public boolean shows(String field) {
        return fields.contains(field);
    }
}
