package org.linkage.volunteer.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
import org.linkage.volunteer.api.TrainingRequest;
import org.linkage.volunteer.api.TrainingResponse;
import org.linkage.volunteer.domain.TrainingRecord;
import org.linkage.volunteer.service.TrainingService;

import java.util.UUID;

@Path("/api/v1/volunteers/{volunteerId}/training")
@Tag(name = "Training", description = "Volunteers' completed training courses")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TrainingResource {

    private final CurrentUser user;
    private final TrainingService service;

    TrainingResource(TrainingService service, CurrentUser user) {
        this.service = service;
        this.user = user;
    }

    @POST
    @RolesAllowed({Roles.SOCIAL_WORKER, Roles.ADMIN})
    @Operation(operationId = "recordTraining", summary = "Record that a volunteer completed a course",
            description = "Publishes TrainingCompleted. Without validUntil, a course with a validity (the "
                    + "first-aid refresher) lapses after it; the others never do.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "refresher", value = """
            {"courseCode": "first-aid-refresher", "completedOn": "2026-10-12"}""")))
    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(schema = @Schema(implementation = TrainingResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid input, an unknown course, or validUntil before "
            + "completedOn")
    @APIResponse(responseCode = "404", description = "No such volunteer")
    @APIResponse(responseCode = "409", description = "This completion is already recorded")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for a different request, or the "
            + "course was retired from the catalogue (field courseCode)")
    public Response record(@PathParam("volunteerId") UUID volunteerId, TrainingRequest request,
                           @Parameter(description = "Makes retries safe: the same key records one completion")
                           @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
                           @Context UriInfo uriInfo) {
        TrainingRecord record = service.record(volunteerId, request, idempotencyKey)
                .orElseThrow(() -> ProblemException.notFound("Volunteer", volunteerId));
        return Response.created(uriInfo.getAbsolutePathBuilder().build())
                .entity(toResponse(record))
                .build();
    }

    @GET
    @RolesAllowed({Roles.VOLUNTEER, Roles.SOCIAL_WORKER, Roles.ADMIN})
    @Operation(operationId = "listTraining", summary = "List a volunteer's completed courses",
            description = "Oldest completion first.")
    @APIResponse(responseCode = "200", description = "One page of completions")
    @APIResponse(responseCode = "400", description = "Invalid paging")
    @APIResponse(responseCode = "404", description = "No such volunteer")
    public Page<TrainingResponse> list(@PathParam("volunteerId") UUID volunteerId,
                                       @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                       @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        user.requireSelfOrStaff(volunteerId);
        return service.list(volunteerId, page, size)
                .orElseThrow(() -> ProblemException.notFound("Volunteer", volunteerId))
                .map(this::toResponse);
    }

    private TrainingResponse toResponse(TrainingRecord record) {
        return new TrainingResponse(record.id, record.volunteerId, record.courseCode, record.completedOn,
                record.validUntil, record.isValidOn(service.today()), record.createdAt);
    }
}
