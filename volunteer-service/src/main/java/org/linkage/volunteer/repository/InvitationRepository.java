package org.linkage.volunteer.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.linkage.volunteer.domain.Invitation;

import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class InvitationRepository implements PanacheRepositoryBase<Invitation, UUID> {

    /** The volunteer's newest invitation, locked: two redemptions or a redemption and a resend do not interleave. */
    public Optional<Invitation> latestOfVolunteer(UUID volunteerId) {
        return find("volunteerId", Sort.descending("issuedAt").and("id", Sort.Direction.Descending), volunteerId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /** The newest invitation sent to this number, locked. */
    public Optional<Invitation> latestToPhone(String phone) {
        return find("phone", Sort.descending("issuedAt").and("id", Sort.Direction.Descending), phone)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }
}
