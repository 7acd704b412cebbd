package org.linkage.volunteer.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import org.linkage.chassis.web.PageRequest;
import org.linkage.volunteer.domain.TrainingRecord;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class TrainingRecordRepository implements PanacheRepositoryBase<TrainingRecord, UUID> {

    public boolean exists(UUID volunteerId, String courseCode, LocalDate completedOn) {
        return count("volunteerId = ?1 and courseCode = ?2 and completedOn = ?3", volunteerId, courseCode,
                completedOn) > 0;
    }

    public List<TrainingRecord> of(UUID volunteerId, int page, int size) {
        return find("volunteerId", Sort.by("completedOn").and("id"), volunteerId).page(PageRequest.of(page, size))
                .list();
    }

    public long countOf(UUID volunteerId) {
        return count("volunteerId", volunteerId);
    }
}
