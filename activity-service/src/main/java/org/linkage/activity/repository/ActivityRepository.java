package org.linkage.activity.repository;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.linkage.activity.domain.Activity;
import org.linkage.chassis.web.PageRequest;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ActivityRepository implements PanacheRepositoryBase<Activity, UUID> {

    public record Filter(UUID stationId, Instant from, Instant to) {
    }

    /**
     * The activity with its row locked until the transaction ends: sign-ups, cancellations and promotions of one
     * activity happen one after the other, so places are counted exactly and the waitlist keeps its order.
     */
    public Optional<Activity> lock(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public List<Activity> search(Filter filter, int page, int size) {
        return query(filter).page(PageRequest.of(page, size)).list();
    }

    public long count(Filter filter) {
        return query(filter).count();
    }

    private PanacheQuery<Activity> query(Filter filter) {
        Conditions conditions = new Conditions()
                .equal("stationId", filter.stationId())
                .where("startsAt >= :from", "from", filter.from())
                .where("startsAt < :to", "to", filter.to());
        return find(conditions.query(), Sort.ascending("startsAt", "id"), conditions.parameters());
    }
}
