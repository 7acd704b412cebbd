package org.linkage.volunteer.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.linkage.chassis.tabular.Cursor;
import org.linkage.volunteer.domain.GroupHours;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/** Rows of the district's exports, read through a cursor in the caller's transaction (constant memory). */
@ApplicationScoped
public class ExportRepository {

    private final EntityManager entityManager;

    ExportRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** What the export filters by; a null filter keeps every row. */
    public record Filter(String community, UUID team, String group, String organisation, Instant from,
                         Instant until, LocalDate fromDate, LocalDate toDate) {
    }

    /**
     * id, name, phone, community, group, organisation (its Chinese name), status, skills (;), birth year, gender,
     * lifetime hours, star level, registered.
     */
    public Stream<Object[]> volunteers(Filter filter) {
        StringBuilder sql = new StringBuilder("""
                SELECT v.id, v.name, v.phone, v.home_community, v.group_type,
                       (SELECT o.name_zh FROM organisation o WHERE o.code = v.organisation), v.status,
                       (SELECT string_agg(s.skill, ';' ORDER BY s.skill) FROM volunteer_skill s
                         WHERE s.volunteer_id = v.id),
                       v.birth_year, v.gender, coalesce(h.lifetime_hours, 0), coalesce(h.star_level, 0), v.created_at
                  FROM volunteer v LEFT JOIN volunteer_hours h ON h.volunteer_id = v.id
                 WHERE v.erased_at IS NULL""");
        Map<String, Object> parameters = new HashMap<>();
        narrow(sql, parameters, filter, "v");
        if (filter.from() != null) {
            sql.append(" AND v.created_at >= :from AND v.created_at < :until");
            parameters.put("from", filter.from());
            parameters.put("until", filter.until());
        }
        sql.append(" ORDER BY v.created_at, v.id");
        return stream(sql, parameters);
    }

    /** service date, volunteer id, name, community, source, hours, confirmed by, reason, recorded at. */
    public Stream<Object[]> hours(Filter filter) {
        StringBuilder sql = new StringBuilder("""
                SELECT e.service_date, v.id, v.name, v.home_community, e.source, e.hours, e.confirmed_by, e.reason,
                       e.recorded_at""");
        Map<String, Object> parameters = hoursInPeriod(sql, filter);
        sql.append(" ORDER BY e.service_date, e.recorded_at, e.id");
        return stream(sql, parameters);
    }

    /**
     * The hours of the filter's volunteers by service date in its period, per group type and per organisation as
     * recorded on each entry (a volunteer who changed group counts under each for the hours served in it).
     */
    @SuppressWarnings("unchecked")
    public GroupHours.Rollup hoursByGroup(Filter filter) {
        // The total is a grouping set of its own: a volunteer who changed group counts once in it.
        StringBuilder sql = new StringBuilder("SELECT coalesce(e.group_type, e.organisation), count(DISTINCT v.id),"
                + " sum(e.hours), GROUPING(e.group_type), GROUPING(e.organisation)");
        Map<String, Object> parameters = hoursInPeriod(sql, filter);
        sql.append(" GROUP BY GROUPING SETS ((e.group_type), (e.organisation), ()) ORDER BY GROUPING(e.group_type),"
                + " GROUPING(e.organisation), 1 NULLS LAST");
        var query = entityManager.createNativeQuery(sql.toString());
        parameters.forEach(query::setParameter);
        List<Object[]> rows = query.getResultList();
        Object[] total = rows.get(rows.size() - 1);
        return new GroupHours.Rollup(total[2] == null ? BigDecimal.ZERO : (BigDecimal) total[2],
                ((Number) total[1]).longValue(), grouped(rows, 3), grouped(rows, 4));
    }

    /** The rows of one grouping set: those grouped by the column whose GROUPING flag is at that index. */
    private static List<GroupHours> grouped(List<Object[]> rows, int flag) {
        return rows.stream().filter(row -> ((Number) row[flag]).intValue() == 0)
                .map(row -> new GroupHours((String) row[0], ((Number) row[1]).longValue(), (BigDecimal) row[2]))
                .toList();
    }

    /** The ledger entries of the filter's volunteers with a service date in its period, by the entries' group. */
    private static Map<String, Object> hoursInPeriod(StringBuilder select, Filter filter) {
        select.append(" FROM hours_entry e JOIN volunteer v ON v.id = e.volunteer_id"
                + " WHERE e.service_date BETWEEN :fromDate AND :toDate");
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("fromDate", filter.fromDate());
        parameters.put("toDate", filter.toDate());
        narrow(select, parameters, filter, "e");
        return parameters;
    }

    /** @param grouped the alias of the row holding the group type and organisation: the volunteer or the entry */
    private static void narrow(StringBuilder sql, Map<String, Object> parameters, Filter filter, String grouped) {
        if (filter.community() != null) {
            sql.append(" AND v.home_community = :community");
            parameters.put("community", filter.community());
        }
        if (filter.group() != null) {
            sql.append(" AND ").append(grouped).append(".group_type = :group");
            parameters.put("group", filter.group());
        }
        if (filter.organisation() != null) {
            // By code, or by name as the field held before organisations were catalogued.
            sql.append(" AND ").append(grouped).append(".organisation IN (SELECT o.code FROM organisation o"
                    + " WHERE o.code = :organisation OR o.name_zh = :organisation OR o.name_en = :organisation)");
            parameters.put("organisation", filter.organisation());
        }
        if (filter.team() != null) {
            sql.append(" AND v.id IN (SELECT m.volunteer_id FROM team_member m WHERE m.team_id = :team"
                    + " AND m.state = 'MEMBER')");
            parameters.put("team", filter.team());
        }
    }

    private Stream<Object[]> stream(StringBuilder sql, Map<String, Object> parameters) {
        return Cursor.rows(entityManager, sql.toString(), parameters);
    }
}
