package org.linkage.activity.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import org.linkage.activity.domain.Attendance;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class AttendanceRepository implements PanacheRepositoryBase<Attendance, UUID> {

    public List<Attendance> of(UUID activityId) {
        return list("activityId", Sort.ascending("checkedInAt", "id"), activityId);
    }

    public Optional<Attendance> of(UUID activityId, UUID volunteerId) {
        return find("activityId = ?1 and volunteerId = ?2", activityId, volunteerId).firstResultOptional();
    }
}
