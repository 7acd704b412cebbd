package org.linkage.volunteer.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.linkage.chassis.idempotency.IdempotencyKeys;
import org.linkage.chassis.problem.ProblemException;
import org.linkage.chassis.web.Page;
import org.linkage.volunteer.api.MembershipDecisionRequest;
import org.linkage.volunteer.api.MembershipRequest;
import org.linkage.volunteer.api.TeamRequest;
import org.linkage.volunteer.domain.MembershipState;
import org.linkage.volunteer.domain.Team;
import org.linkage.volunteer.domain.TeamMember;
import org.linkage.volunteer.domain.TeamRole;
import org.linkage.volunteer.domain.Volunteer;
import org.linkage.volunteer.repository.TeamMemberRepository;
import org.linkage.volunteer.repository.TeamRepository;
import org.linkage.volunteer.repository.VolunteerRepository;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Teams and their members: join by invitation (the volunteer answers) or by request (the leader answers). */
@ApplicationScoped
public class TeamService {

    private final TeamRepository teams;
    private final TeamMemberRepository members;
    private final VolunteerRepository volunteers;
    private final IdempotencyKeys idempotencyKeys;

    TeamService(TeamRepository teams, TeamMemberRepository members, VolunteerRepository volunteers,
                IdempotencyKeys idempotencyKeys) {
        this.teams = teams;
        this.members = members;
        this.volunteers = volunteers;
        this.idempotencyKeys = idempotencyKeys;
    }

    @Transactional
    public Team create(@Valid @NotNull TeamRequest request, String idempotencyKey) {
        UUID id = idempotencyKeys.once("volunteer.team", idempotencyKey, request, () -> {
            String name = request.name().strip();
            if (teams.nameTaken(name)) {
                throw ProblemException.conflict("A team named " + name + " exists",
                        "name", "is already taken");
            }
            Team team = new Team();
            team.id = UUID.randomUUID();
            team.name = name;
            team.description = request.description() == null ? null : request.description().strip();
            team.leaderId = request.leaderId().strip();
            team.createdAt = Instant.now();
            teams.persist(team);
            return team.id;
        });
        return teams.findById(id);
    }

    public Optional<Team> find(UUID id) {
        return teams.findByIdOptional(id);
    }

    public Page<Team> list(String leaderId, int page, int size) {
        return Page.of(teams.search(leaderId, page, size), page, size, teams.count(leaderId));
    }

    /** The team invites the volunteer; empty when the team does not exist. */
    @Transactional
    public Optional<TeamMember> invite(UUID teamId, @Valid @NotNull MembershipRequest request) {
        return ask(teamId, request, MembershipState.INVITED);
    }

    /** The volunteer asks to join; empty when the team does not exist. */
    @Transactional
    public Optional<TeamMember> requestToJoin(UUID teamId, @Valid @NotNull MembershipRequest request) {
        return ask(teamId, request, MembershipState.REQUESTED);
    }

    private Optional<TeamMember> ask(UUID teamId, MembershipRequest request, MembershipState pending) {
        Volunteer volunteer = volunteers.findByIdOptional(request.volunteerId())
                .orElseThrow(() -> ProblemException.invalid("volunteerId", "is not a registered volunteer"));
        if (!volunteer.isActive()) {
            throw ProblemException.conflict("Only active volunteers join teams",
                    "volunteerId", "is " + volunteer.status);
        }
        if (teams.findByIdOptional(teamId).isEmpty()) {
            return Optional.empty();
        }
        TeamMember member = members.find(teamId, volunteer.id).orElse(null);
        if (member != null && !member.state.canBeAskedAgain()) {
            throw ProblemException.conflict("The volunteer is already " + member.state + " for this team",
                    "volunteerId", "is already " + member.state);
        }
        boolean asked = member != null;
        if (!asked) {
            member = new TeamMember();
            member.teamId = teamId;
            member.volunteerId = volunteer.id;
        }
        member.role = request.role() == null ? TeamRole.MEMBER : request.role();
        member.state = pending;
        member.askedAt = Instant.now();
        member.decidedAt = null;
        if (!asked) {
            members.persist(member);
        }
        return Optional.of(member);
    }

    /**
     * Answers a pending invitation or request; empty when there is none of this volunteer in the team.
     *
     * @param byStaff whether staff answer; a volunteer answers only the team's invitation, never their own request
     */
    @Transactional
    public Optional<TeamMember> decide(UUID teamId, UUID volunteerId,
                                       @Valid @NotNull MembershipDecisionRequest request, boolean byStaff) {
        return members.find(teamId, volunteerId).map(member -> {
            if (member.state == MembershipState.REQUESTED && !byStaff) {
                throw ProblemException.forbidden("The team's leader answers a request to join");
            }
            if (!member.state.awaitsDecision()) {
                throw ProblemException.conflict("The membership is already " + member.state,
                        "decision", "was already made");
            }
            member.state = request.decision() == MembershipDecisionRequest.Decision.APPROVE
                    ? MembershipState.MEMBER : MembershipState.DECLINED;
            member.decidedAt = Instant.now();
            return member;
        });
    }

    /** Empty when the team does not exist. */
    public Optional<Page<TeamMember>> members(UUID teamId, MembershipState state, int page, int size) {
        return teams.findByIdOptional(teamId).map(team -> Page.of(members.of(teamId, state, page, size), page, size,
                members.countOf(teamId, state)));
    }

    public String volunteerName(TeamMember member) {
        return volunteers.findById(member.volunteerId).name;
    }
}
