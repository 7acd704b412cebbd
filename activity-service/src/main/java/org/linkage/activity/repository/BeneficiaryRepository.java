package org.linkage.activity.repository;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import org.linkage.activity.domain.Beneficiary;
import org.linkage.activity.domain.FocusGroup;
import org.linkage.chassis.web.PageRequest;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class BeneficiaryRepository implements PanacheRepositoryBase<Beneficiary, UUID> {

    public record Filter(String community, String socialWorkerId, FocusGroup focusGroup) {
    }

    public List<Beneficiary> search(Filter filter, int page, int size) {
        return query(filter).page(PageRequest.of(page, size)).list();
    }

    public long count(Filter filter) {
        return query(filter).count();
    }

    private PanacheQuery<Beneficiary> query(Filter filter) {
        Conditions conditions = new Conditions()
                .equal("community", filter.community())
                .equal("socialWorkerId", filter.socialWorkerId())
                .equal("focusGroup", filter.focusGroup());
        return find(conditions.query(), Sort.descending("createdAt", "id"), conditions.parameters());
    }
}
