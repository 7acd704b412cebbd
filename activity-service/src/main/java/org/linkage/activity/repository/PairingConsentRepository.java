package org.linkage.activity.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import org.linkage.activity.domain.PairingConsent;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class PairingConsentRepository implements PanacheRepositoryBase<PairingConsent, UUID> {

    public Optional<PairingConsent> inForce(UUID pairingId) {
        return find("pairingId = ?1 and revokedAt is null", pairingId).firstResultOptional();
    }

    /** Every consent given to the pairing, revoked ones included, oldest first. */
    public List<PairingConsent> of(UUID pairingId) {
        return list("pairingId", Sort.ascending("recordedAt").and("id"), pairingId);
    }
}
