package org.linkage.activity.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import org.linkage.activity.domain.PairingSession;
import org.linkage.activity.domain.SessionStatus;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class PairingSessionRepository implements PanacheRepositoryBase<PairingSession, UUID> {

    public List<PairingSession> of(UUID pairingId) {
        return list("pairingId", Sort.ascending("startsAt").and("id"), pairingId);
    }

    /** The sessions still to be held: scheduled and not yet checked in. */
    public List<PairingSession> scheduled(UUID pairingId) {
        return list("pairingId = ?1 and status = ?2", Sort.ascending("startsAt"), pairingId, SessionStatus.SCHEDULED);
    }
}
