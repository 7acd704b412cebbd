package org.linkage.matching.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.linkage.matching.domain.PairedBeneficiary;

import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class PairedBeneficiaryRepository implements PanacheRepositoryBase<PairedBeneficiary, UUID> {

    /** The volunteer of the beneficiary's active pairing, if they are in one. */
    public Optional<UUID> volunteerOf(UUID beneficiaryRef) {
        return beneficiaryRef == null ? Optional.empty()
                : findByIdOptional(beneficiaryRef).map(paired -> paired.volunteerId);
    }
}
