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
import org.linkage.volunteer.domain.VolunteerGroup;
import org.linkage.volunteer.repository.ExportRepository;

import java.util.List;
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

    Exports(ExportRepository exports, CurrentUser user) {
        this.exports = exports;
        this.user = user;
    }

    /** Which volunteers: of a team, a group type, an organisation (each null for any). */
    public record Group(UUID team, VolunteerGroup type, String organisation) {
    }

    /** What the caller may export: checked before the download starts. */
    public record Scope(ExportRepository.Filter filter, Revealed revealed) {
    }

    /**
     * @param period null for every row (volunteers by registration date when given)
     * @throws ProblemException 403 for another community, or for revealing without the right
     */
    public Scope scope(String community, Group group, Period period, String reveal) {
        String own = community;
        if (!user.isAdmin()) {
            own = user.community().orElseThrow(() -> ProblemException.forbidden("No community in the token"));
            if (community != null && !community.equals(own)) {
                throw ProblemException.forbidden("This belongs to another community");
            }
        }
        Revealed revealed = Revealed.of(reveal, SENSITIVE, user.isAdmin());
        return new Scope(new ExportRepository.Filter(own, group.team(), group.type() == null ? null
                : group.type().name(), group.organisation(), period == null ? null : period.start(),
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
    public List<GroupHours> hoursByGroup(Scope scope) {
        return exports.hoursByGroup(scope.filter());
    }

    @Transactional
    public void hours(Scope scope, SheetWriter writer) {
        try (Stream<Object[]> rows = exports.hours(scope.filter())) {
            rows.forEach(writer::row);
        }
    }
}
