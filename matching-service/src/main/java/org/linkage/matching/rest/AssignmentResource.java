package org.linkage.matching.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.linkage.chassis.i18n.Language;
import org.linkage.chassis.problem.ProblemException;
import org.linkage.chassis.security.CurrentUser;
import org.linkage.chassis.security.Roles;
import org.linkage.chassis.web.Page;
import org.linkage.events.assignment.AssignmentWithdrawn.Withdrawer;
import org.linkage.matching.api.AssignmentResponse;
import org.linkage.matching.api.DeclineRequest;
import org.linkage.matching.domain.Assignment;
import org.linkage.matching.domain.AssignmentStatus;
import org.linkage.matching.mapping.AssignmentMapper;
import org.linkage.matching.repository.AssignmentRepository;
import org.linkage.matching.service.MatchingService;

import java.util.Arrays;
import java.util.UUID;

@Path("/api/v1/assignments")
@Tag(name = "Assignments", description = "Needs offered to volunteers, and their answers")
@Produces(MediaType.APPLICATION_JSON)
public class AssignmentResource {

    /** The request's headers: the reasons are written in the reader's language (Accept-Language). */
    @Context
    HttpHeaders headers;

    private final MatchingService service;
    private final CurrentUser user;

    AssignmentResource(MatchingService service, CurrentUser user) {
        this.service = service;
        this.user = user;
    }

    @GET
    @RolesAllowed({Roles.VOLUNTEER, Roles.SOCIAL_WORKER, Roles.ADMIN})
    @Operation(operationId = "listAssignments", summary = "List assignments",
            description = "Newest offer first; filter by volunteer, need and status. A volunteer sees only their own "
                    + "(their open offers: status=OFFERED), a social worker those of their community's needs.")
    @APIResponse(responseCode = "200", description = "One page of assignments")
    @APIResponse(responseCode = "400", description = "Invalid filter or paging")
    @APIResponse(responseCode = "403", description = "A volunteer asked for another volunteer's assignments")
    public Page<AssignmentResponse> list(
            @QueryParam("volunteerId") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid"))
            String volunteerId,
            @QueryParam("needId") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid"))
            String needId,
            @QueryParam("status") @Parameter(schema = @Schema(implementation = AssignmentStatus.class)) String status,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        UUID volunteer = uuid("volunteerId", volunteerId);
        if (user.isVolunteer()) {
            if (volunteer != null && !volunteer.equals(user.volunteerId())) {
                throw ProblemException.forbidden("A volunteer sees only their own assignments");
            }
            volunteer = user.volunteerId();
        }
        String community = user.isSocialWorker() ? user.community().orElse("") : null;
        var filter = new AssignmentRepository.Filter(volunteer, uuid("needId", needId), status(status), community);
        return service.list(filter, page, size).map(this::response);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.VOLUNTEER, Roles.SOCIAL_WORKER, Roles.ADMIN})
    @Operation(operationId = "getAssignment", summary = "Read an assignment and why it was offered",
            description = "The reasons list the hard constraints the volunteer met and the score's weighted parts. "
                    + "A volunteer reads only their own; a social worker those of their community's needs.")
    @APIResponse(responseCode = "200", description = "The assignment",
            content = @Content(schema = @Schema(implementation = AssignmentResponse.class)))
    @APIResponse(responseCode = "403", description = "Another volunteer's assignment, or another community's need")
    @APIResponse(responseCode = "404", description = "No such assignment")
    public AssignmentResponse get(@PathParam("id") UUID id) {
        return response(readable(id));
    }

    @POST
    @Path("/{id}/accept")
    @RolesAllowed({Roles.VOLUNTEER, Roles.ADMIN})
    @Operation(operationId = "acceptAssignment", summary = "Accept an offer",
            description = "Publishes AssignmentAccepted; once the need has all its volunteers, its other open offers "
                    + "are stood down (AssignmentStoodDown). An offer is accepted once: of concurrent requests one "
                    + "succeeds and the others get 409. A volunteer never holds two accepted assignments whose "
                    + "windows overlap: accepting a second one gets 409. A volunteer answers only their own offers.")
    @APIResponse(responseCode = "200", description = "The accepted assignment",
            content = @Content(schema = @Schema(implementation = AssignmentResponse.class)))
    @APIResponse(responseCode = "403", description = "Another volunteer's offer")
    @APIResponse(responseCode = "404", description = "No such assignment")
    @APIResponse(responseCode = "409",
            description = "The assignment is not an open offer (any more), or it overlaps one the volunteer accepted")
    public AssignmentResponse accept(@PathParam("id") UUID id) {
        answerable(id);
        return service.accept(id).map(this::response)
                .orElseThrow(() -> ProblemException.notFound("Assignment", id));
    }

    @POST
    @Path("/{id}/decline")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.VOLUNTEER, Roles.ADMIN})
    @Operation(operationId = "declineAssignment", summary = "Decline an offer",
            description = "Publishes AssignmentDeclined and offers the need to the next nearest volunteer not "
                    + "asked yet (AssignmentOffered), or publishes NeedUnmatched when nobody is left. The body "
                    + "is optional. A volunteer answers only their own offers.")
    @RequestBody(required = false, content = @Content(examples = @ExampleObject(name = "busy",
            value = "{\"reason\": \"I am out of town that weekend\"}")))
    @APIResponse(responseCode = "200", description = "The declined assignment",
            content = @Content(schema = @Schema(implementation = AssignmentResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid input")
    @APIResponse(responseCode = "403", description = "Another volunteer's offer")
    @APIResponse(responseCode = "404", description = "No such assignment")
    @APIResponse(responseCode = "409", description = "The assignment is not an open offer (any more)")
    public AssignmentResponse decline(@PathParam("id") UUID id, DeclineRequest request) {
        answerable(id);
        return service.decline(id, request).map(this::response)
                .orElseThrow(() -> ProblemException.notFound("Assignment", id));
    }

    @POST
    @Path("/{id}/withdraw")
    @RolesAllowed({Roles.VOLUNTEER, Roles.SOCIAL_WORKER, Roles.ADMIN})
    @Operation(operationId = "withdrawAssignment", summary = "Withdraw an offer",
            description = "For the social worker: takes an open offer (or a volunteer's own offer) back and "
                    + "publishes AssignmentWithdrawn, whose withdrawnBy tells the other side who did. The need is not "
                    + "offered to anyone else automatically; assign it by hand or let the other offers run. Only for "
                    + "needs of the social worker's community. A volunteer withdraws only an offer they made of "
                    + "themselves while it waits for the social worker (PROPOSED_BY_VOLUNTEER); an offer made to them "
                    + "they decline.")
    @APIResponse(responseCode = "200", description = "The withdrawn assignment",
            content = @Content(schema = @Schema(implementation = AssignmentResponse.class)))
    @APIResponse(responseCode = "403", description = "A need of another community; for a volunteer, anything but "
            + "their own offer of themselves still waiting for the social worker")
    @APIResponse(responseCode = "404", description = "No such assignment")
    @APIResponse(responseCode = "409", description = "The assignment is not an open offer (any more)")
    public AssignmentResponse withdraw(@PathParam("id") UUID id) {
        Assignment assignment = found(id);
        if (user.isVolunteer()) {
            answerable(id);
            if (assignment.status != AssignmentStatus.PROPOSED_BY_VOLUNTEER) {
                throw ProblemException.forbidden("A volunteer withdraws only an offer they made of themselves while "
                        + "it waits for the social worker; an offer made to them they decline");
            }
        } else {
            user.requireCommunity(assignment.need.community);
        }
        return service.withdraw(id, user.isVolunteer() ? Withdrawer.VOLUNTEER : Withdrawer.STAFF)
                .map(this::response)
                .orElseThrow(() -> ProblemException.notFound("Assignment", id));
    }

    @POST
    @Path("/{id}/confirm")
    @RolesAllowed({Roles.SOCIAL_WORKER, Roles.ADMIN})
    @Operation(operationId = "confirmVolunteerOffer", summary = "Confirm a volunteer's offer of themselves",
            description = "For the social worker: takes up an offer a volunteer made of themselves "
                    + "(PROPOSED_BY_VOLUNTEER). It is accepted as an accepted offer is: AssignmentAccepted is "
                    + "published, a volunteer never holds two accepted assignments whose windows overlap, and once "
                    + "the need has all its volunteers its other open offers are stood down. Only for needs of the "
                    + "social worker's community.")
    @APIResponse(responseCode = "200", description = "The accepted assignment",
            content = @Content(schema = @Schema(implementation = AssignmentResponse.class)))
    @APIResponse(responseCode = "403", description = "A need of another community")
    @APIResponse(responseCode = "404", description = "No such assignment")
    @APIResponse(responseCode = "409", description = "Not a volunteer's open offer (any more), the need was "
            + "cancelled, has begun or has all its volunteers (naming needId), or the volunteer holds an accepted "
            + "assignment overlapping it")
    public AssignmentResponse confirm(@PathParam("id") UUID id) {
        user.requireCommunity(found(id).need.community);
        return service.confirm(id).map(this::response)
                .orElseThrow(() -> ProblemException.notFound("Assignment", id));
    }

    @POST
    @Path("/{id}/refuse")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SOCIAL_WORKER, Roles.ADMIN})
    @Operation(operationId = "refuseVolunteerOffer", summary = "Refuse a volunteer's offer of themselves",
            description = "For the social worker: does not take up an offer a volunteer made of themselves "
                    + "(PROPOSED_BY_VOLUNTEER); it becomes REFUSED and AssignmentWithdrawn tells the volunteer. The "
                    + "body is optional; its reason is kept on the assignment. Only for needs of the social worker's "
                    + "community.")
    @RequestBody(required = false, content = @Content(examples = @ExampleObject(name = "taken",
            value = "{\"reason\": \"The resident asked for the volunteer who visited last time\"}")))
    @APIResponse(responseCode = "200", description = "The refused assignment",
            content = @Content(schema = @Schema(implementation = AssignmentResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid input")
    @APIResponse(responseCode = "403", description = "A need of another community")
    @APIResponse(responseCode = "404", description = "No such assignment")
    @APIResponse(responseCode = "409", description = "Not a volunteer's open offer (any more)")
    public AssignmentResponse refuse(@PathParam("id") UUID id, DeclineRequest request) {
        user.requireCommunity(found(id).need.community);
        return service.refuse(id, request).map(this::response)
                .orElseThrow(() -> ProblemException.notFound("Assignment", id));
    }

    private Assignment found(UUID id) {
        return service.find(id).orElseThrow(() -> ProblemException.notFound("Assignment", id));
    }

    /** The volunteer it was offered to, or staff serving the need's community. */
    private Assignment readable(UUID id) {
        Assignment assignment = found(id);
        if (user.isVolunteer()) {
            answerable(id);
        } else {
            user.requireCommunity(assignment.need.community);
        }
        return assignment;
    }

    /** Only the volunteer it was offered to answers an offer (an admin may record an answer given by phone). */
    private void answerable(UUID id) {
        if (user.isVolunteer() && !found(id).volunteerId.equals(user.volunteerId())) {
            throw ProblemException.forbidden("This offer was made to another volunteer");
        }
    }

    // Query parameters are parsed here rather than by JAX-RS, which would answer a malformed one with 404.
    private static UUID uuid(String field, String value) {
        try {
            return value == null ? null : UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(field, "must be a UUID");
        }
    }

    private static AssignmentStatus status(String value) {
        try {
            return value == null ? null : AssignmentStatus.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("status", "must be one of " + Arrays.toString(AssignmentStatus.values()));
        }
    }

    /** The assignment in the reader's language, its group named by the label matching knows. */
    private AssignmentResponse response(Assignment assignment) {
        return AssignmentMapper.toResponse(assignment, Language.of(headers), service::groupNamesOf);
    }
}
