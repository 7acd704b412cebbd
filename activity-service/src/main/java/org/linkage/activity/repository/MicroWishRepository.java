package org.linkage.activity.repository;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.linkage.activity.domain.MicroWish;
import org.linkage.activity.domain.MicroWishStatus;
import org.linkage.chassis.web.PageRequest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class MicroWishRepository implements PanacheRepositoryBase<MicroWish, UUID> {

    public record Filter(String community, MicroWishStatus status) {
    }

    /** Unclaimed wishes first, oldest first: the ones waiting longest are seen first. */
    public List<MicroWish> search(Filter filter, int page, int size) {
        return query(filter, " order by case when status = 'OPEN' then 0 else 1 end, createdAt, id")
                .page(PageRequest.of(page, size)).list();
    }

    public long count(Filter filter) {
        return query(filter, "").count();
    }

    /**
     * Claims the wish if it is still open, in one statement, so that of two volunteers claiming at once exactly one
     * gets it.
     *
     * @return whether this volunteer got it
     */
    public boolean claim(UUID id, UUID volunteerId, Instant at) {
        return update("status = ?1, claimedBy = ?2, claimedAt = ?3, version = version + 1"
                        + " where id = ?4 and status = ?5",
                MicroWishStatus.CLAIMED, volunteerId, at, id, MicroWishStatus.OPEN) == 1;
    }

    /** How many wishes the volunteer holds claimed and not yet fulfilled. */
    public long claimedBy(UUID volunteerId) {
        return count("claimedBy = ?1 and status = ?2", volunteerId, MicroWishStatus.CLAIMED);
    }

    private PanacheQuery<MicroWish> query(Filter filter, String order) {
        Conditions conditions = new Conditions()
                .equal("community", filter.community())
                .equal("status", filter.status());
        return find(conditions.query() + order, conditions.parameters());
    }
}
