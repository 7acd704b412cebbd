package org.linkage.volunteer.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import org.linkage.volunteer.domain.Volunteer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class VolunteerRepository implements PanacheRepositoryBase<Volunteer, UUID> {

    public Optional<Volunteer> findByPhone(String phone) {
        return find("phone", phone).firstResultOptional();
    }

    public record Filter(String skill, Boolean onDuty) {
    }

    public List<Volunteer> search(Filter filter, int page, int size) {
        return query(filter).page(Page.of(page, size)).list();
    }

    public long count(Filter filter) {
        return query(filter).count();
    }

    private io.quarkus.hibernate.orm.panache.PanacheQuery<Volunteer> query(Filter filter) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        if (filter.skill() != null) {
            where.append(" and :skill member of skills");
            parameters.put("skill", filter.skill());
        }
        if (filter.onDuty() != null) {
            where.append(" and onDuty = :onDuty");
            parameters.put("onDuty", filter.onDuty());
        }
        return find(where.toString(), Sort.by("createdAt").and("id"), parameters);
    }
}
