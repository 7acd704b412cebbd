package org.linkage.volunteer.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
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
import org.linkage.chassis.web.ETags;
import org.linkage.chassis.web.Page;
import org.linkage.volunteer.domain.Volunteer;
import org.linkage.volunteer.mapping.VolunteerMapper;
import org.linkage.volunteer.repository.VolunteerRepository;
import org.linkage.volunteer.service.VolunteerService;

import java.util.UUID;

@Path("/api/v1/volunteers")
@Tag(name = "Volunteers", description = "Volunteer profiles and on-duty status")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class VolunteerResource {

    private final VolunteerService service;

    VolunteerResource(VolunteerService service) {
        this.service = service;
    }

    @POST
    @Operation(operationId = "registerVolunteer", summary = "Register a volunteer",
            description = "Publishes VolunteerRegistered. A retry with the same Idempotency-Key returns the "
                    + "volunteer the first request registered.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "rider", value = """
            {"name": "李明", "phone": "13812345678", "skills": ["first-aid"],
             "homeLocation": {"latitude": 31.2304, "longitude": 121.4737}, "locationConsent": true, "onDuty": true}""")))
    @APIResponse(responseCode = "201", description = "Registered",
            content = @Content(schema = @Schema(implementation = VolunteerResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid input")
    @APIResponse(responseCode = "409", description = "The phone is already registered")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for a different request")
    public Response register(RegisterVolunteerRequest request,
                             @Parameter(description = "Makes retries safe: the same key returns the same volunteer")
                             @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
                             @Context UriInfo uriInfo) {
        Volunteer volunteer = service.register(request, idempotencyKey);
        return Response.created(uriInfo.getAbsolutePathBuilder().path(volunteer.id.toString()).build())
                .tag(ETags.of(volunteer.version))
                .entity(VolunteerMapper.toResponse(volunteer))
                .build();
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getVolunteer", summary = "Read a volunteer")
    @APIResponse(responseCode = "200", description = "The volunteer; the ETag header carries its version",
            content = @Content(schema = @Schema(implementation = VolunteerResponse.class)))
    @APIResponse(responseCode = "404", description = "No such volunteer")
    public Response get(@PathParam("id") UUID id) {
        return service.find(id)
                .map(volunteer -> Response.ok(VolunteerMapper.toResponse(volunteer)).tag(ETags.of(volunteer.version)))
                .orElseThrow(() -> ProblemException.notFound("Volunteer", id))
                .build();
    }

    @GET
    @Operation(operationId = "listVolunteers", summary = "List volunteers",
            description = "Oldest first; filter by skill and on-duty status.")
    @APIResponse(responseCode = "200", description = "One page of volunteers")
    @APIResponse(responseCode = "400", description = "Invalid paging")
    public Page<VolunteerResponse> list(@QueryParam("skill") @Parameter(example = "first-aid") String skill,
                                        @QueryParam("onDuty") Boolean onDuty,
                                        @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                        @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return service.list(new VolunteerRepository.Filter(skill, onDuty), page, size)
                .map(VolunteerMapper::toResponse);
    }

    @PUT
    @Path("/{id}/duty")
    @Operation(operationId = "setVolunteerOnDuty", summary = "Switch a volunteer on or off duty",
            description = "Publishes VolunteerChanged when the status changes. Send the ETag in If-Match to "
                    + "refuse the change if the volunteer changed meanwhile.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "on", value = "{\"onDuty\": true}")))
    @APIResponse(responseCode = "200", description = "The volunteer as it is now",
            content = @Content(schema = @Schema(implementation = VolunteerResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid input")
    @APIResponse(responseCode = "404", description = "No such volunteer")
    @APIResponse(responseCode = "412", description = "If-Match names an older version")
    public Response setOnDuty(@PathParam("id") UUID id, DutyRequest request,
                              @HeaderParam("If-Match") String ifMatch) {
        return service.setOnDuty(id, request, ifMatch)
                .map(volunteer -> Response.ok(VolunteerMapper.toResponse(volunteer)).tag(ETags.of(volunteer.version)))
                .orElseThrow(() -> ProblemException.notFound("Volunteer", id))
                .build();
    }
}
