package org.linkage.activity.repository;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import org.linkage.activity.domain.FocusGroup;
import org.linkage.activity.domain.Need;
import org.linkage.activity.domain.NeedStatus;
import org.linkage.chassis.web.PageRequest;

import java.time.Instant;
import java.util.List;
import java.util.Set;
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

    /** Needs in the box still looking for volunteers whose window starts within [notBefore, notAfter]. */
    public List<Need> lookingForVolunteers(Set<NeedStatus> statuses, double minLatitude,
                                           double maxLatitude, double minLongitude, double maxLongitude,
                                           Instant notBefore, Instant notAfter, String skill) {
        return find("status in ?1 and latitude between ?2 and ?3 and longitude between ?4 and ?5"
                        + " and windowStart >= ?6 and windowStart <= ?7 and (?8 = '' or requiredSkill = ?8)",
                statuses, minLatitude, maxLatitude, minLongitude, maxLongitude, notBefore,
                notAfter == null ? Instant.parse("9999-12-31T00:00:00Z") : notAfter,
                skill == null ? "" : skill).list();
    }

    /** The beneficiaries of that group for whose needs the volunteer accepted an assignment. */
    public Set<UUID> beneficiariesServedBy(UUID volunteerId, FocusGroup group) {
        return Set.copyOf(getEntityManager().createQuery("select distinct n.beneficiaryId from Need n"
                        + " join n.assignments a where a.volunteerId = ?1 and a.acceptedAt is not null"
                        + " and n.careCategory = ?2 and n.beneficiaryId is not null", UUID.class)
                .setParameter(1, volunteerId).setParameter(2, group).getResultList());
    }
}
