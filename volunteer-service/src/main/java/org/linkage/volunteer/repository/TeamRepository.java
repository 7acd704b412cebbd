package org.linkage.volunteer.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import org.linkage.chassis.web.PageRequest;
import org.linkage.volunteer.domain.Team;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class TeamRepository implements PanacheRepositoryBase<Team, UUID> {

    public boolean nameTaken(String name) {
        return count("lower(name) = lower(?1)", name) > 0;
    }

    /** @param leaderId null for every team */
    public List<Team> search(String leaderId, int page, int size) {
        return (leaderId == null ? findAll(Sort.by("name").and("id")) : find("leaderId", Sort.by("name").and("id"),
                leaderId)).page(PageRequest.of(page, size)).list();
    }

    public long count(String leaderId) {
        return leaderId == null ? count() : count("leaderId", leaderId);
    }
}
