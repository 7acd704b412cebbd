package org.linkage.volunteer.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import org.linkage.volunteer.domain.CertificationType;

import java.util.List;

@ApplicationScoped
public class CertificationTypeRepository implements PanacheRepositoryBase<CertificationType, String> {

    public List<CertificationType> catalogue() {
        return listAll(Sort.by("code"));
    }
}
