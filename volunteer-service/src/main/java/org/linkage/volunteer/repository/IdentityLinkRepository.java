package org.linkage.volunteer.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import org.linkage.volunteer.domain.IdentityLink;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class IdentityLinkRepository implements PanacheRepositoryBase<IdentityLink, UUID> {

    public Optional<IdentityLink> findByIdentity(String issuer, String subject) {
        return find("issuer = ?1 and subject = ?2", issuer, subject).firstResultOptional();
    }

    public List<IdentityLink> ofVolunteer(UUID volunteerId) {
        return list("volunteerId", Sort.by("linkedAt").and("id"), volunteerId);
    }

    /** The next number of linkage.identity-events' order (see IdentityEvent.sequence). */
    public long nextSequence() {
        return ((Number) getEntityManager().createNativeQuery("SELECT nextval('identity_fact_sequence')")
                .getSingleResult()).longValue();
    }
}
