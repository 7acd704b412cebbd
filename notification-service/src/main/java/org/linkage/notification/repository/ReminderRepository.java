package org.linkage.notification.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.linkage.notification.domain.ActivityReminder;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ReminderRepository implements PanacheRepositoryBase<ActivityReminder, UUID> {

    /** Adds the reminder unless the sign-up already has one with this lead. */
    public void schedule(ActivityReminder reminder) {
        getEntityManager().createNativeQuery("""
                        INSERT INTO activity_reminder (id, sign_up_id, activity_id, volunteer_id, lead, due_at, title,
                                                       station_name, starts_at, ends_at)
                        VALUES (:id, :signUpId, :activityId, :volunteerId, :lead, :dueAt, :title, :stationName,
                                :startsAt, :endsAt)
                        ON CONFLICT (sign_up_id, lead) DO NOTHING""")
                .setParameter("id", reminder.id)
                .setParameter("signUpId", reminder.signUpId)
                .setParameter("activityId", reminder.activityId)
                .setParameter("volunteerId", reminder.volunteerId)
                .setParameter("lead", reminder.lead.name())
                .setParameter("dueAt", reminder.dueAt)
                .setParameter("title", reminder.title)
                .setParameter("stationName", reminder.stationName)
                .setParameter("startsAt", reminder.startsAt)
                .setParameter("endsAt", reminder.endsAt)
                .executeUpdate();
    }

    /** Due reminders, locked until the transaction ends; rows another replica holds are skipped, not waited for. */
    @SuppressWarnings("unchecked")
    public List<ActivityReminder> lockDue(Instant now, int limit) {
        return getEntityManager().createNativeQuery("""
                        SELECT * FROM activity_reminder
                        WHERE due_at <= :now
                        ORDER BY due_at
                        LIMIT :limit
                        FOR UPDATE SKIP LOCKED""", ActivityReminder.class)
                .setParameter("now", now)
                .setParameter("limit", limit)
                .getResultList();
    }
}
