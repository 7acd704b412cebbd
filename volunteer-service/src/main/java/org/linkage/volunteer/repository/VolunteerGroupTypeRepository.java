package org.linkage.volunteer.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import org.linkage.volunteer.domain.VolunteerGroupType;

import java.util.List;

@ApplicationScoped
public class VolunteerGroupTypeRepository implements PanacheRepositoryBase<VolunteerGroupType, String> {

    public List<VolunteerGroupType> catalogue() {
        return listAll(Sort.by("code"));
    }
}
