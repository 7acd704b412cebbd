package org.linkage.activity.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
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
import org.linkage.activity.domain.Need;
import org.linkage.activity.domain.NeedCategory;
import org.linkage.activity.domain.NeedStatus;
import org.linkage.activity.mapping.NeedMapper;
import org.linkage.activity.repository.NeedRepository;
import org.linkage.activity.service.NeedService;
import org.linkage.chassis.idempotency.IdempotencyKeys;
import org.linkage.chassis.problem.ProblemException;
import org.linkage.chassis.web.ETags;
import org.linkage.chassis.web.Page;

import java.util.UUID;

@Path("/api/v1/needs")
@Tag(name = "Needs", description = "Residents' needs raised by social workers, and how matching is going")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class NeedResource {

    private static final String STATUSES = "OPEN|MATCHING|ASSIGNED|UNMATCHED";

    private final NeedService service;

    NeedResource(NeedService service) {
        this.service = service;
    }

    @POST
    @Operation(operationId = "raiseNeed", summary = "Raise a need",
            description = "Publishes NeedRaised, which starts matching. The need carries no personal data of "
                    + "the resident: the summary is shown to volunteers and must not name or identify anyone. "
                    + "A retry with the same Idempotency-Key returns the need the first request raised.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "home visit", value = """
            {"category": "home-visit", "requiredSkill": "elder-care",
             "location": {"latitude": 31.2304, "longitude": 121.4737},
             "window": {"start": "2026-12-05T01:00:00Z", "end": "2026-12-05T03:00:00Z"},
             "urgency": "ROUTINE", "volunteersNeeded": 1, "requestedBy": "sw-0042",
             "summary": "Weekly visit: chat, check the flat is warm, help with the shopping list"}""")))
    @APIResponse(responseCode = "201", description = "Raised",
            content = @Content(schema = @Schema(implementation = NeedResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid input")
    @APIResponse(responseCode = "409", description = "A request with the same Idempotency-Key is in progress")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for a different request")
    public Response raise(RaiseNeedRequest request,
                          @Parameter(description = "Makes retries safe: the same key returns the same need")
                          @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
                          @Context UriInfo uriInfo) {
        Need need = service.raise(request, idempotencyKey);
        return Response.created(uriInfo.getAbsolutePathBuilder().path(need.id.toString()).build())
                .tag(ETags.of(need.version))
                .entity(NeedMapper.toResponse(need))
                .build();
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getNeed", summary = "Read a need and its status")
    @APIResponse(responseCode = "200", description = "The need; the ETag header carries its version",
            content = @Content(schema = @Schema(implementation = NeedResponse.class)))
    @APIResponse(responseCode = "404", description = "No such need")
    public Response get(@PathParam("id") UUID id) {
        return service.find(id)
                .map(need -> Response.ok(NeedMapper.toResponse(need)).tag(ETags.of(need.version)))
                .orElseThrow(() -> ProblemException.notFound("Need", id))
                .build();
    }

    @GET
    @Operation(operationId = "listNeeds", summary = "List needs",
            description = "Newest first; filter by status, by the social worker who raised them and by category.")
    @APIResponse(responseCode = "200", description = "One page of needs")
    @APIResponse(responseCode = "400", description = "Invalid filter or paging")
    public Page<NeedResponse> list(
            @QueryParam("status") @Pattern(regexp = STATUSES, message = "must be one of " + STATUSES)
            @Parameter(schema = @Schema(implementation = NeedStatus.class)) String status,
            @QueryParam("requestedBy") @Size(max = 64) @Parameter(example = "sw-0042") String requestedBy,
            @QueryParam("category") @Pattern(regexp = NeedCategory.PATTERN, message = NeedCategory.MESSAGE)
            @Parameter(example = "home-visit") String category,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        NeedRepository.Filter filter = new NeedRepository.Filter(
                status == null ? null : NeedStatus.valueOf(status), requestedBy, category);
        return service.list(filter, page, size).map(NeedMapper::toResponse);
    }
}
