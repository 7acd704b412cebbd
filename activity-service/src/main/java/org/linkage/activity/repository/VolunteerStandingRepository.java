package org.linkage.activity.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.linkage.activity.domain.VolunteerStanding;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
public class VolunteerStandingRepository implements PanacheRepositoryBase<VolunteerStanding, UUID> {

    /** Which of these group types some volunteer known here belongs to. */
    public Set<String> groupTypesHeld(Collection<String> groupTypes) {
        if (groupTypes.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(getEntityManager().createQuery(
                        "SELECT DISTINCT s.groupType FROM VolunteerStanding s WHERE s.groupType IN :groupTypes",
                        String.class)
                .setParameter("groupTypes", groupTypes).getResultList());
    }
}
