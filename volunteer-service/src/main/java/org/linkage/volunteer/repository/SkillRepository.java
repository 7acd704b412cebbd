package org.linkage.volunteer.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import org.linkage.volunteer.domain.Skill;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

@ApplicationScoped
public class SkillRepository implements PanacheRepositoryBase<Skill, String> {

    public List<Skill> catalogue() {
        return listAll(Sort.by("code"));
    }

    public Set<String> knownAmong(Collection<String> codes) {
        return find("code in ?1", codes).stream().map(skill -> skill.code).collect(Collectors.toSet());
    }

    public Set<String> retiredAmong(Collection<String> codes) {
        return find("code in ?1 and retiredAt is not null", codes).stream().map(skill -> skill.code)
                .collect(Collectors.toSet());
    }
}
