package org.linkage.matching.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;
import org.linkage.events.volunteer.VolunteerAvailabilityChanged;
import org.linkage.matching.domain.Candidate;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The candidate view; certifications, training and availability are written with upserts that commute. */
@ApplicationScoped
public class CandidateRepository implements PanacheRepositoryBase<Candidate, UUID> {

    private final JsonColumns json;

    CandidateRepository(JsonColumns json) {
        this.json = json;
    }

    public void certificationVerified(UUID volunteerId, UUID certificationId, String type, LocalDate expiresOn) {
        upsertCertification(volunteerId, certificationId, type, expiresOn, false);
    }

    public void certificationExpired(UUID volunteerId, UUID certificationId, String type, LocalDate expiresOn) {
        upsertCertification(volunteerId, certificationId, type, expiresOn, true);
    }

    // Once expired, always expired: a verification replayed after the expiry does not revive it.
    private void upsertCertification(UUID volunteerId, UUID certificationId, String type, LocalDate expiresOn,
                                     boolean expired) {
        getEntityManager().createNativeQuery("INSERT INTO candidate_certification"
                        + " (certification_id, volunteer_id, certification_type, expires_on, expired)"
                        + " VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (certification_id) DO UPDATE"
                        + " SET certification_type = EXCLUDED.certification_type, expires_on = EXCLUDED.expires_on,"
                        + " expired = candidate_certification.expired OR EXCLUDED.expired")
                .setParameter(1, certificationId).setParameter(2, volunteerId).setParameter(3, type)
                .setParameter(4, Date.valueOf(expiresOn)).setParameter(5, expired)
                .executeUpdate();
        touch(volunteerId);
    }

    /** Keeps the longest validity of a course completed more than once, whatever the order the events come in. */
    public void trainingCompleted(UUID volunteerId, String courseCode, LocalDate completedOn, LocalDate validUntil) {
        getEntityManager().createNativeQuery("INSERT INTO candidate_training"
                        + " (volunteer_id, course_code, completed_on, valid_until) VALUES (?1, ?2, ?3, ?4)"
                        + " ON CONFLICT (volunteer_id, course_code) DO UPDATE"
                        + " SET completed_on = GREATEST(candidate_training.completed_on, EXCLUDED.completed_on),"
                        + " valid_until = CASE WHEN candidate_training.valid_until IS NULL"
                        + " OR EXCLUDED.valid_until IS NULL THEN NULL"
                        + " ELSE GREATEST(candidate_training.valid_until, EXCLUDED.valid_until) END")
                .setParameter(1, volunteerId).setParameter(2, courseCode).setParameter(3, Date.valueOf(completedOn))
                .setParameter(4, validUntil == null ? null : Date.valueOf(validUntil))
                .executeUpdate();
        touch(volunteerId);
    }

    /** Replaces the availability unless the view holds a newer one. */
    public void availabilityChanged(VolunteerAvailabilityChanged event, Instant stateAt) {
        getEntityManager().createNativeQuery("INSERT INTO candidate_availability (volunteer_id, time_zone,"
                        + " weekly_slots, exceptions, weekly_hours_cap, updated_at)"
                        + " VALUES (?1, ?2, CAST(?3 AS jsonb), CAST(?4 AS jsonb), ?5, ?6)"
                        + " ON CONFLICT (volunteer_id) DO UPDATE SET time_zone = EXCLUDED.time_zone,"
                        + " weekly_slots = EXCLUDED.weekly_slots, exceptions = EXCLUDED.exceptions,"
                        + " weekly_hours_cap = EXCLUDED.weekly_hours_cap, updated_at = EXCLUDED.updated_at"
                        + " WHERE candidate_availability.updated_at <= EXCLUDED.updated_at")
                .setParameter(1, event.volunteerId()).setParameter(2, event.timeZone())
                .setParameter(3, json.text(event.weeklySlots())).setParameter(4, json.text(event.exceptions()))
                .setParameter(5, event.weeklyHoursCap()).setParameter(6, stateAt)
                .executeUpdate();
        touch(event.volunteerId());
    }

    /** Forgets everything about the person but the id their past assignments refer to. */
    public void erase(UUID volunteerId, Instant erasedAt) {
        for (String table : List.of("candidate_certification", "candidate_training", "candidate_availability",
                "candidate_skill")) {
            getEntityManager().createNativeQuery("DELETE FROM " + table + " WHERE volunteer_id = ?1")
                    .setParameter(1, volunteerId).executeUpdate();
        }
        getEntityManager().createNativeQuery("INSERT INTO candidate (volunteer_id, home_latitude,"
                        + " home_longitude, on_duty, active, updated_at, erased_at) VALUES (?1, NULL, NULL,"
                        + " FALSE, FALSE, ?2, ?2) ON CONFLICT (volunteer_id) DO UPDATE SET"
                        + " home_latitude = NULL, home_longitude = NULL, on_duty = FALSE, active = FALSE,"
                        + " skill_levels = '{}', community = NULL, languages = '[]',"
                        + " erased_at = COALESCE(candidate.erased_at, EXCLUDED.erased_at)")
                .setParameter(1, volunteerId).setParameter(2, erasedAt)
                .executeUpdate();
        touch(volunteerId);
    }

    public boolean erased(UUID volunteerId) {
        return count("volunteerId = ?1 and erasedAt is not null", volunteerId) > 0;
    }

    /** Marks the volunteer changed, so that every replica's index takes the change in. */
    public void touch(UUID volunteerId) {
        getEntityManager().createNativeQuery("UPDATE candidate SET changed_at = clock_timestamp()"
                + " WHERE volunteer_id = ?1").setParameter(1, volunteerId).executeUpdate();
    }

    /** Volunteers changed since the instant, by the database's clock; and that clock's now. */
    public record Changes(List<UUID> volunteerIds, Instant now) {
    }

    public Changes changedSince(Instant since) {
        Instant now = (Instant) getEntityManager().createNativeQuery("SELECT clock_timestamp()", Instant.class)
                .getSingleResult();
        // Bounded on both sides: PostgreSQL guesses a third of the table for an open "> ?" it has no statistics for
        // (a table just loaded) and scanned all 1,000,000 candidates every second; a range it guesses small.
        Query query = getEntityManager().createNativeQuery(
                        "SELECT volunteer_id FROM candidate WHERE changed_at > ?1 AND changed_at <= ?2", UUID.class)
                .setParameter(1, since).setParameter(2, now);
        @SuppressWarnings("unchecked")
        List<UUID> ids = query.getResultList();
        return new Changes(ids, now);
    }
}
