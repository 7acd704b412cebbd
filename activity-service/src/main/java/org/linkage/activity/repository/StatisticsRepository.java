package org.linkage.activity.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The district's reporting figures, counted in the database over one community (or the whole district) and a
 * period. Queries take :all (the whole district) and :community, so one text serves both.
 */
@ApplicationScoped
public class StatisticsRepository {

    /**
     * Service given in the community: attendance at its stations, confirmed assignments of its needs and completed
     * sessions of its beneficiaries' one-to-one pairings.
     */
    private static final String SERVICE = """
            SELECT a.volunteer_id, a.hours FROM attendance a
              JOIN activity act ON act.id = a.activity_id JOIN station s ON s.id = act.station_id
             WHERE (:all OR s.community = :community) AND a.hours > 0 AND a.service_date BETWEEN :from AND :to
            UNION ALL
            SELECT na.volunteer_id, na.confirmed_hours FROM need_assignment na JOIN need n ON n.id = na.need_id
             WHERE (:all OR n.community = :community) AND n.status = 'COMPLETED'
               AND na.confirmed_hours IS NOT NULL AND n.service_date BETWEEN :from AND :to
            UNION ALL
            SELECT p.volunteer_id, ps.hours FROM pairing_session ps JOIN pairing p ON p.id = ps.pairing_id
             WHERE (:all OR p.community = :community) AND ps.status = 'COMPLETED' AND ps.hours > 0
               AND ps.service_date BETWEEN :from AND :to""";

    private final EntityManager entityManager;

    StatisticsRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** One community, or the whole district when community is null; the period as instants and as days. */
    public record Scope(String community, Instant from, Instant until, LocalDate fromDate, LocalDate toDate) {
    }

    /** A station's figures for the period. */
    public record StationFigures(UUID stationId, String name, String nameEn, String community, long activitiesHeld,
                                 long attendances, BigDecimal serviceHours) {
    }

    /** Emergency needs raised in the period, how many a volunteer accepted, and the median seconds to that. */
    public record EmergencyFigures(long raised, long answered, Double medianSecondsToFirstAccept) {
    }

    /** Activities at the community's stations that ended in the period (and not cancelled). */
    public long activitiesHeld(Scope scope, Instant now) {
        return count(instants("""
                SELECT count(*) FROM activity a JOIN station s ON s.id = a.station_id
                 WHERE (:all OR s.community = :community) AND a.status = 'SCHEDULED'
                   AND a.ends_at >= :from AND a.ends_at < :until AND a.ends_at <= :now""", scope)
                .setParameter("now", now));
    }

    public long volunteersEngaged(Scope scope) {
        return count(days("SELECT count(DISTINCT volunteer_id) FROM (" + SERVICE + ") service", scope));
    }

    public BigDecimal serviceHours(Scope scope) {
        return (BigDecimal) days("SELECT coalesce(sum(hours), 0) FROM (" + SERVICE
                + ") service(volunteer_id, hours)", scope).getSingleResult();
    }

    /** Completed needs by the beneficiary's focus group; NONE for needs without a beneficiary. */
    public Map<String, Long> needsMetByCareCategory(Scope scope) {
        return toMap(days("""
                SELECT coalesce(care_category, 'NONE'), count(*) FROM need
                 WHERE (:all OR community = :community) AND status = 'COMPLETED'
                   AND service_date BETWEEN :from AND :to
                 GROUP BY 1 ORDER BY 1""", scope));
    }

    /** Distinct beneficiaries whom a completed need served, by their focus group. */
    public Map<String, Long> peopleServedByFocusGroup(Scope scope) {
        return toMap(days("""
                SELECT care_category, count(DISTINCT beneficiary_id) FROM need
                 WHERE (:all OR community = :community) AND status = 'COMPLETED' AND beneficiary_id IS NOT NULL
                   AND service_date BETWEEN :from AND :to
                 GROUP BY 1 ORDER BY 1""", scope));
    }

    /** Wishes posted, confirmed (of those posted), claimed and fulfilled in the period. */
    public long[] microWishes(Scope scope) {
        Object[] row = (Object[]) instants("""
                SELECT count(*) FILTER (WHERE created_at >= :from AND created_at < :until),
                       count(*) FILTER (WHERE created_at >= :from AND created_at < :until AND status = 'CONFIRMED'),
                       count(*) FILTER (WHERE claimed_at >= :from AND claimed_at < :until),
                       count(*) FILTER (WHERE fulfilled_at >= :from AND fulfilled_at < :until)
                  FROM micro_wish WHERE (:all OR community = :community)""", scope).getSingleResult();
        return new long[]{number(row[0]), number(row[1]), number(row[2]), number(row[3])};
    }

    /** Reports made in the period, by where they stand now. */
    public Map<String, Long> hazardReportsByStatus(Scope scope) {
        return toMap(instants("""
                SELECT status, count(*) FROM hazard_report
                 WHERE (:all OR community = :community) AND reported_at >= :from AND reported_at < :until
                 GROUP BY 1 ORDER BY 1""", scope));
    }

    /** Reports made in the period, and reports resolved in it. */
    public long[] hazardsReportedAndResolved(Scope scope) {
        Object[] row = (Object[]) instants("""
                SELECT count(*) FILTER (WHERE reported_at >= :from AND reported_at < :until),
                       count(*) FILTER (WHERE status = 'RESOLVED' AND resolved_at >= :from AND resolved_at < :until)
                  FROM hazard_report WHERE (:all OR community = :community)""", scope).getSingleResult();
        return new long[]{number(row[0]), number(row[1])};
    }

    /** Answered: the need reached ASSIGNED (a volunteer accepted); the time counts from raising it. */
    public EmergencyFigures emergencies(Scope scope) {
        Object[] row = (Object[]) instants("""
                WITH emergency AS (
                    SELECT n.created_at, (SELECT min(c.changed_at) FROM need_status_change c
                                           WHERE c.need_id = n.id AND c.status = 'ASSIGNED') AS accepted_at
                      FROM need n
                     WHERE n.urgency = 'EMERGENCY' AND (:all OR n.community = :community)
                       AND n.created_at >= :from AND n.created_at < :until)
                SELECT count(*), count(accepted_at),
                       percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(EPOCH FROM accepted_at - created_at))
                           FILTER (WHERE accepted_at IS NOT NULL)
                  FROM emergency""", scope).getSingleResult();
        return new EmergencyFigures(number(row[0]), number(row[1]),
                row[2] == null ? null : ((Number) row[2]).doubleValue());
    }

    /** Every station of the scope, with or without activities in the period. */
    public List<StationFigures> stations(Scope scope, Instant now) {
        Query query = entityManager.createNativeQuery("""
                SELECT s.id, s.name, s.community,
                       (SELECT count(*) FROM activity a WHERE a.station_id = s.id AND a.status = 'SCHEDULED'
                           AND a.ends_at >= :from AND a.ends_at < :until AND a.ends_at <= :now),
                       (SELECT count(*) FROM attendance t JOIN activity a ON a.id = t.activity_id
                         WHERE a.station_id = s.id AND t.service_date BETWEEN :fromDate AND :toDate),
                       (SELECT coalesce(sum(t.hours), 0) FROM attendance t JOIN activity a ON a.id = t.activity_id
                         WHERE a.station_id = s.id AND t.hours > 0 AND t.service_date BETWEEN :fromDate AND :toDate),
                       s.name_en
                  FROM station s WHERE (:all OR s.community = :community)
                 ORDER BY s.community, s.name, s.id""")
                .setParameter("from", scope.from()).setParameter("until", scope.until())
                .setParameter("fromDate", scope.fromDate()).setParameter("toDate", scope.toDate())
                .setParameter("now", now);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = scoped(query, scope).getResultList();
        return rows.stream().map(row -> new StationFigures((UUID) row[0], (String) row[1], (String) row[6],
                (String) row[2],
                number(row[3]), number(row[4]), (BigDecimal) row[5])).toList();
    }

    private Query instants(String sql, Scope scope) {
        return scoped(entityManager.createNativeQuery(sql), scope)
                .setParameter("from", scope.from()).setParameter("until", scope.until());
    }

    private Query days(String sql, Scope scope) {
        return scoped(entityManager.createNativeQuery(sql), scope)
                .setParameter("from", scope.fromDate()).setParameter("to", scope.toDate());
    }

    private static Query scoped(Query query, Scope scope) {
        return query.setParameter("all", scope.community() == null)
                .setParameter("community", scope.community() == null ? "" : scope.community());
    }

    private static long count(Query query) {
        return number(query.getSingleResult());
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }

    private static Map<String, Long> toMap(Query query) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        Map<String, Long> counts = new LinkedHashMap<>();
        rows.forEach(row -> counts.put((String) row[0], ((Number) row[1]).longValue()));
        return counts;
    }
}
