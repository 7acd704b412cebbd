package org.linkage.volunteer.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import org.linkage.chassis.web.PageRequest;
import org.linkage.volunteer.domain.MembershipState;
import org.linkage.volunteer.domain.TeamMember;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class TeamMemberRepository implements PanacheRepositoryBase<TeamMember, TeamMember.Key> {

    public Optional<TeamMember> find(UUID teamId, UUID volunteerId) {
        return findByIdOptional(new TeamMember.Key(teamId, volunteerId));
    }

    /** @param state null for every state */
    public List<TeamMember> of(UUID teamId, MembershipState state, int page, int size) {
        Sort order = Sort.by("askedAt").and("volunteerId");
        return (state == null ? find("teamId", order, teamId) : find("teamId = ?1 and state = ?2", order, teamId,
                state)).page(PageRequest.of(page, size)).list();
    }

    public long countOf(UUID teamId, MembershipState state) {
        return state == null ? count("teamId", teamId) : count("teamId = ?1 and state = ?2", teamId, state);
    }

    public long removeVolunteer(UUID volunteerId) {
        return delete("volunteerId", volunteerId);
    }
}
