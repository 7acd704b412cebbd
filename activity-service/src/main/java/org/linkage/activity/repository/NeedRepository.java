package org.linkage.activity.repository;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import org.linkage.activity.domain.Need;
import org.linkage.activity.domain.NeedStatus;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
public class NeedRepository implements PanacheRepositoryBase<Need, UUID> {

    public record Filter(NeedStatus status, String requestedBy, String category) {
    }

    public List<Need> search(Filter filter, int page, int size) {
        return query(filter).page(Page.of(page, size)).list();
    }

    public long count(Filter filter) {
        return query(filter).count();
    }

    private PanacheQuery<Need> query(Filter filter) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        if (filter.status() != null) {
            where.append(" and status = :status");
            parameters.put("status", filter.status());
        }
        if (filter.requestedBy() != null) {
            where.append(" and requestedBy = :requestedBy");
            parameters.put("requestedBy", filter.requestedBy());
        }
        if (filter.category() != null) {
            where.append(" and category = :category");
            parameters.put("category", filter.category());
        }
        return find(where.toString(), Sort.descending("createdAt", "id"), parameters);
    }
}
