package org.linkage.activity.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The district's reporting figures, counted in the database over one community and period. */
@ApplicationScoped
public class StatisticsRepository {

    /**
     * Service given in the community: attendance at its stations, confirmed assignments of its needs and completed
     * sessions of its beneficiaries' one-to-one pairings.
     */
    private static final String SERVICE = """
            SELECT a.volunteer_id, a.hours FROM attendance a
              JOIN activity act ON act.id = a.activity_id JOIN station s ON s.id = act.station_id
             WHERE s.community = :community AND a.hours > 0 AND a.service_date BETWEEN :from AND :to
            UNION ALL
            SELECT na.volunteer_id, na.confirmed_hours FROM need_assignment na JOIN need n ON n.id = na.need_id
             WHERE n.community = :community AND n.status = 'COMPLETED' AND na.confirmed_hours IS NOT NULL
               AND n.service_date BETWEEN :from AND :to
            UNION ALL
            SELECT p.volunteer_id, ps.hours FROM pairing_session ps JOIN pairing p ON p.id = ps.pairing_id
             WHERE p.community = :community AND ps.status = 'COMPLETED' AND ps.hours > 0
               AND ps.service_date BETWEEN :from AND :to""";

    private final EntityManager entityManager;

    StatisticsRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Activities at the community's stations that ended in the period (and not cancelled). */
    public long activitiesHeld(String community, Instant from, Instant until, Instant now) {
        return ((Number) entityManager.createNativeQuery("""
                        SELECT count(*) FROM activity a JOIN station s ON s.id = a.station_id
                         WHERE s.community = :community AND a.status = 'SCHEDULED'
                           AND a.ends_at >= :from AND a.ends_at < :until AND a.ends_at <= :now""")
                .setParameter("community", community).setParameter("from", from).setParameter("until", until)
                .setParameter("now", now)
                .getSingleResult()).longValue();
    }

    public long volunteersEngaged(String community, LocalDate from, LocalDate to) {
        return ((Number) service("SELECT count(DISTINCT volunteer_id) FROM (" + SERVICE + ") service",
                community, from, to)).longValue();
    }

    public BigDecimal serviceHours(String community, LocalDate from, LocalDate to) {
        return (BigDecimal) service("SELECT coalesce(sum(hours), 0) FROM (" + SERVICE
                + ") service(volunteer_id, hours)", community, from, to);
    }

    /** Completed needs by the beneficiary's focus group; NONE for needs without a beneficiary. */
    public Map<String, Long> needsMetByCareCategory(String community, LocalDate from, LocalDate to) {
        return grouped("""
                SELECT coalesce(care_category, 'NONE'), count(*) FROM need
                 WHERE community = :community AND status = 'COMPLETED' AND service_date BETWEEN :from AND :to
                 GROUP BY 1 ORDER BY 1""", community, from, to);
    }

    /** Wishes posted in the period, and how many of them are confirmed fulfilled. */
    public long[] microWishesPostedAndConfirmed(String community, Instant from, Instant until) {
        Object[] row = (Object[]) entityManager.createNativeQuery("""
                        SELECT count(*), count(*) FILTER (WHERE status = 'CONFIRMED') FROM micro_wish
                         WHERE community = :community AND created_at >= :from AND created_at < :until""")
                .setParameter("community", community).setParameter("from", from).setParameter("until", until)
                .getSingleResult();
        return new long[]{((Number) row[0]).longValue(), ((Number) row[1]).longValue()};
    }

    /** Reports made in the period, by where they stand now. */
    public Map<String, Long> hazardReportsByStatus(String community, Instant from, Instant until) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT status, count(*) FROM hazard_report
                         WHERE community = :community AND reported_at >= :from AND reported_at < :until
                         GROUP BY 1 ORDER BY 1""")
                .setParameter("community", community).setParameter("from", from).setParameter("until", until)
                .getResultList();
        return toMap(rows);
    }

    private Object service(String sql, String community, LocalDate from, LocalDate to) {
        return entityManager.createNativeQuery(sql)
                .setParameter("community", community).setParameter("from", from).setParameter("to", to)
                .getSingleResult();
    }

    private Map<String, Long> grouped(String sql, String community, LocalDate from, LocalDate to) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(sql)
                .setParameter("community", community).setParameter("from", from).setParameter("to", to)
                .getResultList();
        return toMap(rows);
    }

    private static Map<String, Long> toMap(List<Object[]> rows) {
        Map<String, Long> counts = new LinkedHashMap<>();
        rows.forEach(row -> counts.put((String) row[0], ((Number) row[1]).longValue()));
        return counts;
    }
}
