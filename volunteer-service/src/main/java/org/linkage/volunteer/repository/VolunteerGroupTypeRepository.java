package org.linkage.volunteer.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import org.linkage.volunteer.domain.VolunteerGroupType;

import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class VolunteerGroupTypeRepository implements PanacheRepositoryBase<VolunteerGroupType, String> {

    public List<VolunteerGroupType> catalogue() {
        return listAll(Sort.by("code"));
    }

    /** The entry a spreadsheet names by its code or by either of its labels. */
    public Optional<VolunteerGroupType> findByCodeOrName(String value) {
        return find("code = ?1 or nameZh = ?1 or lower(nameEn) = lower(?1)", Sort.by("code"), value)
                .firstResultOptional();
    }
}
