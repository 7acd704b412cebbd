package org.linkage.matching.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
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
import org.linkage.chassis.i18n.Language;
import org.linkage.chassis.idempotency.IdempotencyKeys;
import org.linkage.chassis.problem.ProblemException;
import org.linkage.chassis.security.CurrentUser;
import org.linkage.chassis.security.Roles;
import org.linkage.matching.api.AssignByHandRequest;
import org.linkage.matching.api.AssignmentResponse;
import org.linkage.matching.domain.Assignment;
import org.linkage.matching.mapping.AssignmentMapper;
import org.linkage.matching.service.MatchingService;

import java.util.UUID;

@Path("/api/v1/needs/{needId}/assignments")
@Tag(name = "Assignments", description = "Needs offered to volunteers, and their answers")
@Produces(MediaType.APPLICATION_JSON)
public class NeedAssignmentResource {

    /** The request's headers: the reasons are written in the reader's language (Accept-Language). */
    @Context
    HttpHeaders headers;

    private final MatchingService service;
    private final CurrentUser user;

    NeedAssignmentResource(MatchingService service, CurrentUser user) {
        this.service = service;
        this.user = user;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SOCIAL_WORKER, Roles.ADMIN})
    @Operation(operationId = "assignNeedByHand", summary = "Assign a need to a volunteer by hand",
            description = "For the social worker: the assignment is accepted at once (an open offer of the need to "
                    + "that volunteer counts as accepted) and AssignmentAccepted is published; once the need has all "
                    + "its volunteers, its other open offers are stood down. Only for needs of the social worker's "
                    + "community.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "volunteer",
            value = "{\"volunteerId\": \"5f0c6a8e-2b1d-4e53-9a44-0d7c1f3b2a10\"}")))
    @APIResponse(responseCode = "201", description = "The accepted assignment",
            content = @Content(schema = @Schema(implementation = AssignmentResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid input")
    @APIResponse(responseCode = "403", description = "A need of another community")
    @APIResponse(responseCode = "404", description = "Matching knows no such need or volunteer")
    @APIResponse(responseCode = "409", description = "The volunteer is not active, answered an offer of this need "
            + "already, holds an accepted assignment overlapping it, or the need has all its volunteers")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for a different request")
    public Response assign(@PathParam("needId") UUID needId, AssignByHandRequest request,
                           @Parameter(description = "Makes retries safe: the same key returns the same assignment")
                           @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
                           @Context UriInfo uriInfo) {
        user.requireCommunity(service.findNeed(needId)
                .orElseThrow(() -> ProblemException.notFound("Need", needId)).community);
        if (request == null) {
            throw ProblemException.invalid("volunteerId", "must not be null");
        }
        return created(service.assignByHand(needId, request, idempotencyKey), uriInfo, Language.of(headers), service);
    }

    /** 201 with the assignment (its reasons in the reader's language), and where to read it. */
    static Response created(Assignment assignment, UriInfo uriInfo, Language language, MatchingService service) {
        return Response.created(uriInfo.getBaseUriBuilder().path("api/v1/assignments")
                        .path(assignment.id.toString()).build())
                .entity(AssignmentMapper.toResponse(assignment, language, service::groupNamesOf))
                .build();
    }
}
