package org.linkage.activity.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import org.linkage.activity.domain.Consent;
import org.linkage.activity.domain.ConsentRelation;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ConsentRepository implements PanacheRepositoryBase<Consent, UUID> {

    public List<Consent> of(UUID beneficiaryId) {
        return list("beneficiaryId", Sort.ascending("givenAt", "id"), beneficiaryId);
    }

    public boolean exists(UUID beneficiaryId, ConsentRelation relation, String purpose) {
        return count("beneficiaryId = ?1 and relation = ?2 and purpose = ?3", beneficiaryId, relation, purpose) > 0;
    }
}
