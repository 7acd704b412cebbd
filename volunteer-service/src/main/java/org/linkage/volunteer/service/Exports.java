package org.linkage.volunteer.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.linkage.chassis.problem.ProblemException;
import org.linkage.chassis.security.CurrentUser;
import org.linkage.chassis.tabular.Masks;
import org.linkage.chassis.tabular.Revealed;
import org.linkage.chassis.tabular.SheetWriter;
import org.linkage.chassis.web.Period;
import org.linkage.volunteer.domain.GroupHours;
import org.linkage.volunteer.domain.CatalogueKind;
import org.linkage.volunteer.repository.ExportRepository;
import org.linkage.volunteer.repository.VolunteerGroupTypeRepository;

import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The district's exports of volunteers and hours. A social worker exports their own community; phones are masked
 * unless an admin asks to reveal them.
 */
@ApplicationScoped
public class Exports {

    public static final Set<String> SENSITIVE = Set.of("phone");

    private final ExportRepository exports;
    private final CurrentUser user;
    private final VolunteerGroupTypeRepository groupTypes;

    Exports(ExportRepository exports, CurrentUser user, VolunteerGroupTypeRepository groupTypes) {
        this.exports = exports;
        this.user = user;
        this.groupTypes = groupTypes;
    }

    /**
     * Which volunteers: of a team, a group type, an organisation (each null for any).
     *
     * @param organisation an organisation's code or one of its names (as the free-text field used to hold them)
     */
    public record Group(UUID team, String type, String organisation) {
    }

    /** What the caller may export: checked before the download starts. */
    public record Scope(ExportRepository.Filter filter, Revealed revealed) {
    }

    /**
     * @param period null for every row (volunteers by registration date when given)
     * @throws ProblemException 400 for a group type not in its catalogue (retired ones count); 403 for another
     *                          community, or for revealing without the right
     */
    public Scope scope(String community, Group group, Period period, String reveal) {
        if (group.type() != null && groupTypes.findByIdOptional(group.type()).isEmpty()) {
            throw ProblemException.invalid("group", "is not in the " + CatalogueKind.GROUP_TYPE.catalogue + " (GET "
                    + CatalogueKind.GROUP_TYPE.path + ")");
        }
        String own = community;
        if (!user.isAdmin()) {
            own = user.community().orElseThrow(() -> ProblemException.forbidden("No community in the token"));
            if (community != null && !community.equals(own)) {
                throw ProblemException.forbidden("This belongs to another community");
            }
        }
        Revealed revealed = Revealed.of(reveal, SENSITIVE, user.isAdmin());
        return new Scope(new ExportRepository.Filter(own, group.team(), group.type(), group.organisation(),
                period == null ? null : period.start(),
                period == null ? null : period.end(), period == null ? null : period.from(),
                period == null ? null : period.to()), revealed);
    }

    @Transactional
    public void volunteers(Scope scope, SheetWriter writer) {
        try (Stream<Object[]> rows = exports.volunteers(scope.filter())) {
            rows.forEach(row -> {
                if (!scope.revealed().shows("phone")) {
                    row[2] = Masks.phone((String) row[2]);
                }
                writer.row(row);
            });
        }
    }

    /** The scope's hours per volunteer group, for the monthly roll-up. */
    @Transactional
    public GroupHours.Rollup hoursByGroup(Scope scope) {
        return exports.hoursByGroup(scope.filter());
    }

    @Transactional
    public void hours(Scope scope, SheetWriter writer) {
        try (Stream<Object[]> rows = exports.hours(scope.filter())) {
            rows.forEach(writer::row);
        }
    }
}
