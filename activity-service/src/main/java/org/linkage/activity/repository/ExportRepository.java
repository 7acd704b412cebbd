package org.linkage.activity.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.linkage.chassis.tabular.Cursor;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Rows of the district's exports, read through a cursor in the caller's transaction (constant memory). Each
 * query's first columns are documented on it; the period bounds the time named there.
 */
@ApplicationScoped
public class ExportRepository {

    private final EntityManager entityManager;

    ExportRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Community null for all (an admin's district-wide export); station null for every station; group null for any
     * audience, else the activities open to that volunteer group.
     */
    public record Filter(String community, UUID station, Instant from, Instant until, String group) {
    }

    /**
     * By start: id, station (its zh-CN label), community, title, starts, ends, capacity, confirmed, attended, hours,
     * status, organiser, audience (group types, ";"; empty for everyone), the station's English label (last).
     */
    public Stream<Object[]> activities(Filter filter) {
        return rows("""
                SELECT a.id, s.name, s.community, a.title, a.starts_at, a.ends_at, a.capacity, a.confirmed_count,
                       (SELECT count(*) FROM attendance t WHERE t.activity_id = a.id),
                       (SELECT coalesce(sum(t.hours), 0) FROM attendance t WHERE t.activity_id = a.id),
                       a.status, a.organiser, array_to_string(a.audience, ';'), s.name_en
                  FROM activity a JOIN station s ON s.id = a.station_id
                 WHERE a.starts_at >= :from AND a.starts_at < :until""", "s.community", "a.station_id",
                " ORDER BY a.starts_at, a.id", filter);
    }

    /**
     * By creation: id, category, skill, care category, summary, community, window start, urgency, status, service
     * date, beneficiary name, beneficiary address, beneficiary focus group (last, for masking).
     */
    public Stream<Object[]> needs(Filter filter) {
        return rows("""
                SELECT n.id, n.category, n.required_skill, n.care_category, n.summary, n.community, n.window_start,
                       n.urgency, n.status, n.service_date, b.full_name, b.address, b.focus_group
                  FROM need n LEFT JOIN beneficiary b ON b.id = n.beneficiary_id
                 WHERE n.created_at >= :from AND n.created_at < :until""", "n.community", null,
                " ORDER BY n.created_at, n.id", filter);
    }

    /**
     * By posting: id, title, community, status, posted, claimed by, claimed, fulfilled, confirmed, beneficiary name,
     * beneficiary focus group (last, for masking).
     */
    public Stream<Object[]> wishes(Filter filter) {
        return rows("""
                SELECT w.id, w.title, w.community, w.status, w.created_at, w.claimed_by, w.claimed_at,
                       w.fulfilled_at, w.confirmed_at, b.full_name, b.focus_group
                  FROM micro_wish w LEFT JOIN beneficiary b ON b.id = w.beneficiary_id
                 WHERE w.created_at >= :from AND w.created_at < :until""", "w.community", null,
                " ORDER BY w.created_at, w.id", filter);
    }

    /** By report: id, category, severity, status, community, latitude, longitude, reporter, reported, resolved. */
    public Stream<Object[]> hazards(Filter filter) {
        return rows("""
                SELECT h.id, h.category, h.severity, h.status, h.community, h.latitude, h.longitude, h.reported_by,
                       h.reported_at, h.resolved_at, h.resolution
                  FROM hazard_report h
                 WHERE h.reported_at >= :from AND h.reported_at < :until""", "h.community", null,
                " ORDER BY h.reported_at, h.id", filter);
    }

    /**
     * Emergency needs by raising: id, category, community, raised, first accepted (null when nobody accepted), seconds
     * from raising to it, volunteers offered, status. No beneficiary data: an emergency is a place and a time.
     */
    public Stream<Object[]> emergencies(Filter filter) {
        return rows("""
                SELECT n.id, n.category, n.community, n.created_at, a.accepted_at,
                       CAST(extract(EPOCH FROM a.accepted_at - n.created_at) AS BIGINT),
                       (SELECT count(*) FROM need_offer o WHERE o.need_id = n.id), n.status
                  FROM need n LEFT JOIN LATERAL (SELECT min(c.changed_at) AS accepted_at FROM need_status_change c
                                                  WHERE c.need_id = n.id AND c.status = 'ASSIGNED') a ON true
                 WHERE n.urgency = 'EMERGENCY' AND n.created_at >= :from AND n.created_at < :until""",
                "n.community", null, " ORDER BY n.created_at, n.id", filter);
    }

    private Stream<Object[]> rows(String select, String communityColumn, String stationColumn, String order,
                                 Filter filter) {
        StringBuilder sql = new StringBuilder(select);
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("from", filter.from());
        parameters.put("until", filter.until());
        if (filter.community() != null) {
            sql.append(" AND ").append(communityColumn).append(" = :community");
            parameters.put("community", filter.community());
        }
        if (filter.station() != null && stationColumn != null) {
            sql.append(" AND ").append(stationColumn).append(" = :station");
            parameters.put("station", filter.station());
        }
        if (filter.group() != null) {
            // Only activities have an audience; the resource offers the filter on their export alone.
            sql.append(" AND CAST(:group AS TEXT) = ANY (a.audience)");
            parameters.put("group", filter.group());
        }
        return Cursor.rows(entityManager, sql.append(order).toString(), parameters);
    }
}
