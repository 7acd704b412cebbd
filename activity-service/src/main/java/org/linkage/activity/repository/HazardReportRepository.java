package org.linkage.activity.repository;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import org.linkage.activity.domain.HazardReport;
import org.linkage.activity.domain.HazardStatus;
import org.linkage.chassis.web.PageRequest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class HazardReportRepository implements PanacheRepositoryBase<HazardReport, UUID> {

    public record Filter(HazardStatus status, String community) {
    }

    public List<HazardReport> search(Filter filter, int page, int size) {
        return query(filter).page(PageRequest.of(page, size)).list();
    }

    public long count(Filter filter) {
        return query(filter).count();
    }

    /** Reports since the time inside the box, oldest first; the caller measures the exact distance. */
    public List<HazardReport> since(Instant since, double minLatitude, double maxLatitude, double minLongitude,
                                    double maxLongitude) {
        return list("reportedAt >= ?1 and latitude between ?2 and ?3 and longitude between ?4 and ?5",
                Sort.ascending("reportedAt", "id"), since, minLatitude, maxLatitude, minLongitude, maxLongitude);
    }

    private PanacheQuery<HazardReport> query(Filter filter) {
        Conditions conditions = new Conditions()
                .equal("status", filter.status())
                .equal("community", filter.community());
        return find(conditions.query(), Sort.descending("reportedAt", "id"), conditions.parameters());
    }
}
