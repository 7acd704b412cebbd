package org.linkage.volunteer.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.linkage.volunteer.domain.VolunteerHours;

import java.util.UUID;

@ApplicationScoped
public class VolunteerHoursRepository implements PanacheRepositoryBase<VolunteerHours, UUID> {

    /** The volunteer's totals, locked until the transaction ends; created at zero on first use. */
    public VolunteerHours lockFor(UUID volunteerId) {
        getEntityManager().createNativeQuery("""
                        INSERT INTO volunteer_hours (volunteer_id, lifetime_hours, star_level, updated_at)
                        VALUES (?1, 0, 0, now()) ON CONFLICT (volunteer_id) DO NOTHING""")
                .setParameter(1, volunteerId)
                .executeUpdate();
        return findById(volunteerId, LockModeType.PESSIMISTIC_WRITE);
    }
}
