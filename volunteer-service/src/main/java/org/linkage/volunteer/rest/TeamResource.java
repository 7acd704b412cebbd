package org.linkage.volunteer.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.linkage.chassis.idempotency.IdempotencyKeys;
import org.linkage.chassis.problem.ProblemException;
import org.linkage.chassis.security.CurrentUser;
import org.linkage.chassis.security.Roles;
import org.linkage.chassis.web.Page;
import org.linkage.volunteer.api.MembershipDecisionRequest;
import org.linkage.volunteer.api.MembershipRequest;
import org.linkage.volunteer.api.MembershipResponse;
import org.linkage.volunteer.api.TeamRequest;
import org.linkage.volunteer.api.TeamResponse;
import org.linkage.volunteer.domain.MembershipState;
import org.linkage.volunteer.domain.Team;
import org.linkage.volunteer.domain.TeamMember;
import org.linkage.volunteer.service.TeamService;

import java.util.UUID;

@Path("/api/v1/teams")
@Tag(name = "Teams", description = "Service teams led by social workers, and their members")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TeamResource {

    private static final String MEMBERSHIP_EXAMPLE = """
            {"volunteerId": "0b8e5d54-2d55-4c1a-8c4b-6a0f2f3f9e77", "role": "MEMBER"}""";

    private final CurrentUser user;
    private final TeamService service;

    TeamResource(TeamService service, CurrentUser user) {
        this.service = service;
        this.user = user;
    }

    @POST
    @RolesAllowed({Roles.SOCIAL_WORKER, Roles.ADMIN})
    @Operation(operationId = "createTeam", summary = "Create a service team led by a social worker",
            description = "A social worker (for their community) or an admin creates a named service team with its "
                    + "leader. Send an Idempotency-Key to retry safely; a second team of the same name is "
                    + "refused.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "riders", value = """
            {"name": "骑手应急救护队", "description": "外卖骑手中的持证救护员", "leaderId": "sw-zhang"}""")))
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = TeamResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid input")
    @APIResponse(responseCode = "409", description = "A team of that name exists")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for a different request")
    public Response create(TeamRequest request,
                           @Parameter(description = "Makes retries safe: the same key creates one team")
                           @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
                           @Context UriInfo uriInfo) {
        Team team = service.create(request, idempotencyKey);
        return Response.created(uriInfo.getAbsolutePathBuilder().path(team.id.toString()).build())
                .entity(toResponse(team))
                .build();
    }

    @GET
    @RolesAllowed({Roles.VOLUNTEER, Roles.SOCIAL_WORKER, Roles.ADMIN})
    @Operation(operationId = "listTeams", summary = "List teams", description = "By name.")
    @APIResponse(responseCode = "200", description = "One page of teams")
    @APIResponse(responseCode = "400", description = "Invalid paging")
    public Page<TeamResponse> list(@QueryParam("leader") @Parameter(description = "Teams this social worker leads",
                                           example = "sw-zhang") @Size(max = 100) String leader,
                                   @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                   @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return service.list(leader, page, size).map(TeamResource::toResponse);
    }

    @GET
    @Path("/{teamId}")
    @RolesAllowed({Roles.VOLUNTEER, Roles.SOCIAL_WORKER, Roles.ADMIN})
    @Operation(operationId = "getTeam", summary = "Read a team",
            description = "The team with its leader and members. Volunteers read the teams they belong to; staff read"
                    + " their community's teams.")
    @APIResponse(responseCode = "200", description = "The team",
            content = @Content(schema = @Schema(implementation = TeamResponse.class)))
    @APIResponse(responseCode = "404", description = "No such team")
    public TeamResponse get(@PathParam("teamId") UUID teamId) {
        return service.find(teamId).map(TeamResource::toResponse)
                .orElseThrow(() -> ProblemException.notFound("Team", teamId));
    }

    @POST
    @Path("/{teamId}/invitations")
    @RolesAllowed({Roles.SOCIAL_WORKER, Roles.ADMIN})
    @Operation(operationId = "inviteToTeam", summary = "Invite a volunteer to the team",
            description = "The volunteer answers with the decision operation.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "member", value = MEMBERSHIP_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Invited",
            content = @Content(schema = @Schema(implementation = MembershipResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid input or an unknown volunteer")
    @APIResponse(responseCode = "404", description = "No such team")
    @APIResponse(responseCode = "409", description = "The volunteer is inactive, a member or already asked")
    public Response invite(@PathParam("teamId") UUID teamId, MembershipRequest request, @Context UriInfo uriInfo) {
        return created(teamId, service.invite(teamId, request), uriInfo);
    }

    @POST
    @Path("/{teamId}/join-requests")
    @RolesAllowed({Roles.VOLUNTEER, Roles.SOCIAL_WORKER, Roles.ADMIN})
    @Operation(operationId = "requestToJoinTeam", summary = "A volunteer asks to join the team",
            description = "The team's leader answers with the decision operation.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "member", value = MEMBERSHIP_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Requested",
            content = @Content(schema = @Schema(implementation = MembershipResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid input or an unknown volunteer")
    @APIResponse(responseCode = "404", description = "No such team")
    @APIResponse(responseCode = "409", description = "The volunteer is inactive, a member or already asked")
    public Response requestToJoin(@PathParam("teamId") UUID teamId, MembershipRequest request,
                                  @Context UriInfo uriInfo) {
        if (request != null && request.volunteerId() != null) {
            user.requireSelfOrStaff(request.volunteerId());
        }
        return created(teamId, service.requestToJoin(teamId, request), uriInfo);
    }

    @POST
    @Path("/{teamId}/members/{volunteerId}/decision")
    @RolesAllowed({Roles.VOLUNTEER, Roles.SOCIAL_WORKER, Roles.ADMIN})
    @Operation(operationId = "decideTeamMembership", summary = "Approve or decline an invitation or a request",
            description = "The invited volunteer (or staff on their behalf) answers an invitation; only staff answer "
                    + "a volunteer's request to join.")
    @RequestBody(content = @Content(examples = {
            @ExampleObject(name = "approve", value = "{\"decision\": \"APPROVE\"}"),
            @ExampleObject(name = "decline", value = "{\"decision\": \"DECLINE\"}")}))
    @APIResponse(responseCode = "200", description = "The membership with the answer",
            content = @Content(schema = @Schema(implementation = MembershipResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid input")
    @APIResponse(responseCode = "403", description = "Another volunteer's membership, or a request to join")
    @APIResponse(responseCode = "404", description = "No invitation or request of this volunteer in this team")
    @APIResponse(responseCode = "409", description = "Already answered")
    public MembershipResponse decide(@PathParam("teamId") UUID teamId, @PathParam("volunteerId") UUID volunteerId,
                                     MembershipDecisionRequest request) {
        user.requireSelfOrStaff(volunteerId);
        return service.decide(teamId, volunteerId, request, user.isStaff()).map(this::toResponse)
                .orElseThrow(() -> ProblemException.notFound("Membership of volunteer", volunteerId));
    }

    @GET
    @Path("/{teamId}/members")
    @RolesAllowed({Roles.SOCIAL_WORKER, Roles.ADMIN})
    @Operation(operationId = "listTeamMembers", summary = "List a team's members, invitations and requests",
            description = "Oldest first; filter by state, e.g. MEMBER for the current members.")
    @APIResponse(responseCode = "200", description = "One page of memberships")
    @APIResponse(responseCode = "400", description = "Invalid paging or state")
    @APIResponse(responseCode = "404", description = "No such team")
    public Page<MembershipResponse> members(@PathParam("teamId") UUID teamId,
                                            @QueryParam("state") @Parameter(example = "MEMBER") MembershipState state,
                                            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return service.members(teamId, state, page, size)
                .orElseThrow(() -> ProblemException.notFound("Team", teamId))
                .map(this::toResponse);
    }

    private Response created(UUID teamId, java.util.Optional<TeamMember> member, UriInfo uriInfo) {
        TeamMember created = member.orElseThrow(() -> ProblemException.notFound("Team", teamId));
        return Response.created(uriInfo.getBaseUriBuilder().path("/api/v1/teams/{teamId}/members")
                        .build(teamId))
                .entity(toResponse(created))
                .build();
    }

    private static TeamResponse toResponse(Team team) {
        return new TeamResponse(team.id, team.name, team.description, team.leaderId, team.createdAt);
    }

    private MembershipResponse toResponse(TeamMember member) {
        return new MembershipResponse(member.teamId, member.volunteerId, service.volunteerName(member), member.role,
                member.state, member.askedAt, member.decidedAt);
    }
}
