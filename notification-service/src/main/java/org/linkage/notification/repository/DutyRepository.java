package org.linkage.notification.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.linkage.notification.domain.VolunteerDuty;

import java.util.Collection;
import java.util.List;

@ApplicationScoped
public class DutyRepository implements PanacheRepositoryBase<VolunteerDuty, String> {

    /** Of these people, the volunteers known to be off duty or no longer active. */
    public List<String> unreachable(Collection<String> people) {
        return people.isEmpty() ? List.of()
                : getEntityManager().createQuery("select d.volunteer from VolunteerDuty d where d.volunteer in ?1"
                        + " and (d.onDuty = false or d.active = false)", String.class)
                        .setParameter(1, people).getResultList();
    }
}
