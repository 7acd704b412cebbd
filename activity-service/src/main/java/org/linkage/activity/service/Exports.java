package org.linkage.activity.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.linkage.activity.domain.FocusGroup;
import org.linkage.activity.repository.ExportRepository;
import org.linkage.chassis.i18n.Language;
import org.linkage.chassis.tabular.Masks;
import org.linkage.chassis.tabular.Revealed;
import org.linkage.chassis.tabular.SheetWriter;
import org.linkage.chassis.web.Period;

import java.util.Arrays;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The district's exports of activities, needs, micro-wishes and hazard reports. A social worker exports their
 * own community. Beneficiaries' names and addresses are masked unless an admin reveals them; a child's never
 * leave unmasked (their file is for the responsible social worker only, through the API).
 */
@ApplicationScoped
public class Exports {

    public static final Set<String> SENSITIVE = Set.of("beneficiary", "address");

    private final ExportRepository exports;
    private final Access access;

    Exports(ExportRepository exports, Access access) {
        this.exports = exports;
        this.access = access;
    }

    /** What the caller may export: checked before the download starts. */
    public record Scope(ExportRepository.Filter filter, Revealed revealed, Language language) {
    }

    /**
     * @throws org.linkage.chassis.problem.ProblemException 403 for another community, or for revealing without
     *                                                      the right
     */
    public Scope scope(String community, UUID station, String group, Period period, String reveal,
                       Language language) {
        String listed = access.listedCommunity(community);
        Revealed revealed = Revealed.of(reveal, SENSITIVE, access.user().isAdmin());
        return new Scope(new ExportRepository.Filter(listed, station, period.start(), period.end(),
                group), revealed, language);
    }

    @Transactional
    public void activities(Scope scope, SheetWriter writer) {
        // The station's label in the reader's language: its English one, when asked for and given, in its column.
        write(exports.activities(scope.filter()), writer, row -> {
            Object[] cells = Arrays.copyOf(row, row.length - 1);
            if (scope.language() == Language.EN && row[row.length - 1] != null) {
                cells[1] = row[row.length - 1];
            }
            return cells;
        });
    }

    @Transactional
    public void needs(Scope scope, SheetWriter writer) {
        write(exports.needs(scope.filter()), writer, row -> masked(scope.revealed(), row, 10, 11));
    }

    @Transactional
    public void wishes(Scope scope, SheetWriter writer) {
        write(exports.wishes(scope.filter()), writer, row -> masked(scope.revealed(), row, 9, -1));
    }

    @Transactional
    public void hazards(Scope scope, SheetWriter writer) {
        write(exports.hazards(scope.filter()), writer, row -> row);
    }

    @Transactional
    public void emergencies(Scope scope, SheetWriter writer) {
        write(exports.emergencies(scope.filter()), writer, row -> row);
    }

    private static void write(Stream<Object[]> rows, SheetWriter writer, Function<Object[], Object[]> shown) {
        try (rows) {
            rows.forEach(row -> writer.row(shown.apply(row)));
        }
    }

    /** The beneficiary's name and address (at these positions; -1 for none), then the focus group, left out. */
    private static Object[] masked(Revealed revealed, Object[] row, int name, int address) {
        boolean child = FocusGroup.CHILD.name().equals(row[row.length - 1]);
        if (!revealed.shows("beneficiary") || child) {
            row[name] = Masks.name((String) row[name]);
        }
        if (address >= 0 && (!revealed.shows("address") || child)) {
            row[address] = Masks.address((String) row[address]);
        }
        return Arrays.copyOf(row, row.length - 1);
    }
}
