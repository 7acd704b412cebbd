package org.linkage.volunteer.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import org.linkage.volunteer.domain.Organisation;

import java.util.List;

@ApplicationScoped
public class OrganisationRepository implements PanacheRepositoryBase<Organisation, String> {

    public List<Organisation> catalogue() {
        return listAll(Sort.by("code"));
    }
}
