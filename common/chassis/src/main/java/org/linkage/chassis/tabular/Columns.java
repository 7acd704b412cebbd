package org.linkage.chassis.tabular;

import org.linkage.chassis.problem.ProblemException;
import org.linkage.chassis.problem.Violation;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The columns an import reads, each known by its schema name and by aliases (the Chinese header staff write,
 * English variants). Headers match whatever their case, width (full-width letters), spaces, '_' and '-'.
 */
public final class Columns {

    public record Column(String name, boolean required, List<String> aliases) {
    }

    private final List<Column> columns;
    private final Map<String, String> nameByHeader = new HashMap<>();

    private Columns(List<Column> columns) {
        this.columns = List.copyOf(columns);
        for (Column column : columns) {
            nameByHeader.put(normalise(column.name()), column.name());
            column.aliases().forEach(alias -> nameByHeader.put(normalise(alias), column.name()));
        }
    }

    public static Column required(String name, String... aliases) {
        return new Column(name, true, List.of(aliases));
    }

    public static Column optional(String name, String... aliases) {
        return new Column(name, false, List.of(aliases));
    }

    public static Columns of(Column... columns) {
        return new Columns(List.of(columns));
    }

    /**
     * Column name to position in the header.
     *
     * @throws ProblemException 400 naming each unknown or repeated header cell ("header[i]") and each required
     *                          column missing ("header")
     */
    public Map<String, Integer> positions(List<String> header) {
        Map<String, Integer> positions = new LinkedHashMap<>();
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).isBlank()) {
                continue;
            }
            String name = nameByHeader.get(normalise(header.get(i)));
            if (name == null) {
                violations.add(new Violation("header[" + i + "]", "is not a known column (known: " + known() + ")"));
            } else if (positions.putIfAbsent(name, i) != null) {
                violations.add(new Violation("header[" + i + "]", "repeats column " + name));
            }
        }
        columns.stream().filter(column -> column.required() && !positions.containsKey(column.name()))
                .forEach(column -> violations.add(new Violation("header", "lacks the column " + column.name()
                        + aliasHint(column))));
        if (!violations.isEmpty()) {
            throw new ProblemException(400, "missing-columns", "The sheet's columns do not fit",
                    violations.stream().map(v -> v.field() + " " + v.message()).collect(Collectors.joining("; ")),
                    violations);
        }
        return positions;
    }

    /** The row's non-blank cells by column name. */
    public static Map<String, String> values(Table.Row row, Map<String, Integer> positions) {
        Map<String, String> values = new HashMap<>();
        positions.forEach((name, position) -> {
            String cell = row.cell(position);
            if (!cell.isEmpty()) {
                values.put(name, cell);
            }
        });
        return values;
    }

    private String known() {
        return columns.stream().map(Column::name).collect(Collectors.joining(", "));
    }

    private static String aliasHint(Column column) {
        return column.aliases().isEmpty() ? "" : " (or " + String.join(", ", column.aliases()) + ")";
    }

    private static String normalise(String header) {
        return Normalizer.normalize(header, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT)
                .replaceAll("[\\s_\\-]", "");
    }
}
