package org.linkage.activity.repository;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import org.linkage.activity.domain.Need;
import org.linkage.activity.domain.NeedStatus;
import org.linkage.chassis.web.PageRequest;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class NeedRepository implements PanacheRepositoryBase<Need, UUID> {

    public record Filter(NeedStatus status, String requestedBy, String category, UUID beneficiaryId,
                         String community) {

        public static Filter ofBeneficiary(UUID beneficiaryId) {
            return new Filter(null, null, null, beneficiaryId, null);
        }
    }

    public List<Need> search(Filter filter, int page, int size) {
        return query(filter).page(PageRequest.of(page, size)).list();
    }

    public long count(Filter filter) {
        return query(filter).count();
    }

    private PanacheQuery<Need> query(Filter filter) {
        Conditions conditions = new Conditions()
                .equal("status", filter.status())
                .equal("requestedBy", filter.requestedBy())
                .equal("category", filter.category())
                .equal("beneficiaryId", filter.beneficiaryId())
                .equal("community", filter.community());
        return find(conditions.query(), Sort.descending("createdAt", "id"), conditions.parameters());
    }
}
