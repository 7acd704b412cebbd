package org.linkage.matching.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.linkage.events.GeoPoint;
import org.linkage.events.volunteer.VolunteerAvailabilityChanged.DatedException;
import org.linkage.events.volunteer.VolunteerAvailabilityChanged.Kind;
import org.linkage.events.volunteer.VolunteerAvailabilityChanged.WeeklySlot;
import org.linkage.matching.domain.Availability;
import org.linkage.matching.domain.VolunteerProfile;

import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Reads the volunteers the candidate index holds: active, located, not erased; all of them or the ones asked. */
@ApplicationScoped
public class VolunteerProfiles {

    private static final TypeReference<Map<String, Integer>> LEVELS = new TypeReference<>() {
    };
    private static final TypeReference<List<WeeklySlot>> SLOTS = new TypeReference<>() {
    };
    private static final TypeReference<List<DatedException>> EXCEPTIONS = new TypeReference<>() {
    };

    private final EntityManager entityManager;
    private final ObjectMapper json;

    VolunteerProfiles(EntityManager entityManager, ObjectMapper json) {
        this.entityManager = entityManager;
        this.json = json;
    }

    private static final String LOCATED = "home_latitude IS NOT NULL";
    /** Who may send live positions: on duty with the consent; a home position is not needed. */
    /** Ids per query, well within PostgreSQL's limit of parameters. */
    private static final int SLICE = 5_000;
    private static final String TRACKABLE = "on_duty AND live_position_consent";

    public List<VolunteerProfile> all() {
        return load(null, LOCATED);
    }

    /** @return the profiles of those of the volunteers the index should hold; the others are to be removed */
    public List<VolunteerProfile> of(Collection<UUID> volunteerIds) {
        return volunteerIds.isEmpty() ? List.of() : load(volunteerIds, LOCATED);
    }

    /** The volunteer as the hard constraints see them, home known or not; empty unless active and not erased. */
    public Optional<VolunteerProfile> one(UUID volunteerId) {
        return load(List.of(volunteerId), "TRUE").stream().findFirst();
    }

    /** Every responder whose live position matching may take now (home may be null). */
    @SuppressWarnings("unchecked")
    public List<VolunteerProfile> allTrackable() {
        // Their ids first: the skills, certificates and courses of a million others need not be read for a few.
        List<UUID> ids = entityManager.createNativeQuery("SELECT volunteer_id FROM candidate"
                + " WHERE active AND erased_at IS NULL AND " + TRACKABLE).getResultList();
        List<VolunteerProfile> profiles = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += SLICE) {
            profiles.addAll(load(ids.subList(from, Math.min(ids.size(), from + SLICE)), TRACKABLE));
        }
        return profiles;
    }

    /** @return those of the volunteers whose live position matching may take; the others' is to be forgotten */
    public List<VolunteerProfile> trackable(Collection<UUID> volunteerIds) {
        return volunteerIds.isEmpty() ? List.of() : load(volunteerIds, TRACKABLE);
    }

    private List<VolunteerProfile> load(Collection<UUID> ids, String which) {
        Map<UUID, Map<String, Integer>> skills = new HashMap<>();
        for (Object[] row : rows("SELECT s.volunteer_id, s.skill, c.skill_levels::text FROM candidate_skill s"
                + " JOIN candidate c ON c.volunteer_id = s.volunteer_id", "s.volunteer_id", ids)) {
            Integer level = read((String) row[2], LEVELS).get((String) row[1]);
            skills.computeIfAbsent((UUID) row[0], id -> new HashMap<>())
                    .put((String) row[1], level == null ? 1 : level);
        }
        Map<UUID, Map<String, LocalDate>> certifications = new HashMap<>();
        for (Object[] row : rows("SELECT volunteer_id, certification_type, max(expires_on)"
                + " FROM candidate_certification WHERE NOT expired", "volunteer_id", ids,
                " GROUP BY volunteer_id, certification_type")) {
            certifications.computeIfAbsent((UUID) row[0], id -> new HashMap<>())
                    .put((String) row[1], localDate(row[2]));
        }
        Map<UUID, Map<String, LocalDate>> training = new HashMap<>();
        for (Object[] row : rows("SELECT volunteer_id, course_code, valid_until FROM candidate_training WHERE TRUE",
                "volunteer_id", ids)) {
            training.computeIfAbsent((UUID) row[0], id -> new HashMap<>())
                    .put((String) row[1], row[2] == null ? LocalDate.MAX : localDate(row[2]));
        }
        Map<UUID, Availability> availability = new HashMap<>();
        for (Object[] row : rows("SELECT volunteer_id, time_zone, weekly_slots::text, exceptions::text,"
                + " weekly_hours_cap FROM candidate_availability WHERE TRUE", "volunteer_id", ids)) {
            availability.put((UUID) row[0], availability(row));
        }
        List<VolunteerProfile> profiles = new ArrayList<>();
        for (Object[] row : rows("SELECT volunteer_id, home_latitude, home_longitude, on_duty, group_type"
                + " FROM candidate"
                + " WHERE active AND erased_at IS NULL AND " + which, "volunteer_id", ids)) {
            UUID id = (UUID) row[0];
            GeoPoint home = row[1] == null ? null : new GeoPoint((Double) row[1], (Double) row[2]);
            profiles.add(new VolunteerProfile(id, home, true,
                    (Boolean) row[3], skills.getOrDefault(id, Map.of()), certifications.getOrDefault(id, Map.of()),
                    training.getOrDefault(id, Map.of()), availability.getOrDefault(id, Availability.ALWAYS),
                    (String) row[4]));
        }
        return profiles;
    }

    private List<Object[]> rows(String select, String idColumn, Collection<UUID> ids) {
        return rows(select, idColumn, ids, "");
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String select, String idColumn, Collection<UUID> ids, String groupBy) {
        String where = ids == null ? "" : (select.contains(" WHERE ") ? " AND " : " WHERE ") + idColumn
                + " IN (:ids)";
        var query = entityManager.createNativeQuery(select + where + groupBy);
        if (ids != null) {
            query.setParameter("ids", ids);
        }
        return query.getResultList();
    }

    private Availability availability(Object[] row) {
        List<Availability.WeeklySlot> slots = read((String) row[2], SLOTS).stream()
                .map(slot -> new Availability.WeeklySlot(slot.dayOfWeek(), slot.start(), slot.end())).toList();
        List<Availability.DatedException> exceptions = read((String) row[3], EXCEPTIONS).stream()
                .map(e -> new Availability.DatedException(e.date(), e.kind() == Kind.AWAY, e.start(), e.end()))
                .toList();
        return new Availability(ZoneId.of((String) row[1]), slots, exceptions, (Integer) row[4]);
    }

    private static LocalDate localDate(Object value) {
        return value instanceof Date date ? date.toLocalDate() : (LocalDate) value;
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
