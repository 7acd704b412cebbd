package org.linkage.activity.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.linkage.activity.api.CancellationRequest;
import org.linkage.activity.api.CompletionRequest;
import org.linkage.activity.api.NearbyNeedResponse;
import org.linkage.activity.api.NeedResponse;
import org.linkage.activity.api.RaiseNeedRequest;
import org.linkage.activity.api.VolunteerReportRequest;
import org.linkage.activity.domain.Need;
import org.linkage.activity.domain.NeedCategory;
import org.linkage.activity.domain.NeedStatus;
import org.linkage.activity.mapping.NeedMapper;
import org.linkage.activity.repository.NeedRepository;
import org.linkage.activity.service.Access;
import org.linkage.activity.service.NearbyNeeds;
import org.linkage.activity.service.NeedService;
import org.linkage.activity.service.StationService;
import org.linkage.chassis.geo.CoordinateSystem;
import org.linkage.chassis.idempotency.IdempotencyKeys;
import org.linkage.chassis.problem.ProblemException;
import org.linkage.chassis.ratelimit.RateLimited;
import org.linkage.chassis.security.Roles;
import org.linkage.chassis.web.ETags;
import org.linkage.chassis.web.Page;
import org.linkage.events.GeoPoint;

import java.time.Instant;
import java.util.UUID;

@Path("/api/v1/needs")
@Tag(name = "Needs", description = "Residents' needs raised by social workers, and how matching is going")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class NeedResource {

    private static final String STATUSES = "OPEN|MATCHING|ASSIGNED|IN_PROGRESS|COMPLETED|CANCELLED|UNMATCHED";

    private final NeedService service;
    private final Access access;
    private final NearbyNeeds nearbyNeeds;
    private final StationService stations;

    NeedResource(NeedService service, Access access, NearbyNeeds nearbyNeeds, StationService stations) {
        this.service = service;
        this.access = access;
        this.nearbyNeeds = nearbyNeeds;
        this.stations = stations;
    }

    @POST
    @RolesAllowed({Roles.SOCIAL_WORKER, Roles.ADMIN, Roles.INTEGRATOR})
    @RateLimited(value = "raise-need", perMinute = 30)
    @Operation(operationId = "raiseNeed", summary = "Raise a need",
            description = "Publishes NeedRaised, which starts matching. The need carries no personal data of "
                    + "the resident: the summary is shown to volunteers and must not name or identify anyone. "
                    + "A retry with the same Idempotency-Key returns the need the first request raised.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "home visit", value = """
            {"category": "home-visit", "requiredSkill": "elder-care",
             "location": {"latitude": 31.2304, "longitude": 121.4737},
             "window": {"start": "2027-06-05T01:00:00Z", "end": "2027-06-05T03:00:00Z"},
             "urgency": "ROUTINE", "volunteersNeeded": 1, "requestedBy": "sw-0042",
             "summary": "Weekly visit: chat, check the flat is warm, help with the shopping list"}""")))
    @APIResponse(responseCode = "201", description = "Raised",
            content = @Content(schema = @Schema(implementation = NeedResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid input")
    @APIResponse(responseCode = "403", description = "Another community, or an integrator without needs:write")
    @APIResponse(responseCode = "409", description = "A request with the same Idempotency-Key is in progress")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for a different request, an "
            + "unknown beneficiary, a child without their guardian's consent, a recurring emergency, or "
            + "requestedBy names someone other than the caller")
    @APIResponse(responseCode = "429", description = "Too many needs raised in the last minute, or emergencies in "
            + "the last hour; Retry-After says when to try again")
    public Response raise(RaiseNeedRequest request,
                          @Parameter(description = "Makes retries safe: the same key returns the same need")
                          @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
                          @Context UriInfo uriInfo) {
        RaiseNeedRequest placed = request == null ? null : access.raise(request);
        Need need = service.raise(placed, idempotencyKey);
        return Response.created(uriInfo.getAbsolutePathBuilder().path(need.id.toString()).build())
                .tag(ETags.of(need.version))
                .entity(NeedMapper.toResponse(need))
                .build();
    }

    @GET
    @Path("/nearby")
    @RolesAllowed(Roles.VOLUNTEER)
    @Operation(operationId = "browseNearbyNeeds", summary = "Browse open needs around a place",
            description = "Needs still looking for volunteers, not begun, not emergencies, within radiusMetres of "
                    + "a position (latitude and longitude, in coordinateSystem; WGS84 if left out) or of a station "
                    + "(stationId), nearest first; filtered by skill and by when they start (from, to). Summaries "
                    + "only: the group a need is for, never the person, and the place coarsened to about a "
                    + "kilometre (also for the distance). A child's need is listed only to a volunteer who already "
                    + "served that child.")
    @APIResponse(responseCode = "200", description = "One page of summaries")
    @APIResponse(responseCode = "400", description = "No place, or two; an invalid filter or paging")
    @APIResponse(responseCode = "404", description = "No such station")
    public Page<NearbyNeedResponse> nearby(
            @QueryParam("latitude") @DecimalMin("-90") @DecimalMax("90") @Parameter(example = "35.2367")
            Double latitude,
            @QueryParam("longitude") @DecimalMin("-180") @DecimalMax("180") @Parameter(example = "115.4806")
            Double longitude,
            @QueryParam("coordinateSystem") @Parameter(description = "System of latitude and longitude; WGS84 if "
                    + "left out") CoordinateSystem coordinateSystem,
            @QueryParam("stationId") @Parameter(description = "Around this station instead of a position")
            UUID stationId,
            @QueryParam("radiusMetres") @DefaultValue("3000") @Min(100) @Max(20_000) int radiusMetres,
            @QueryParam("skill") @Size(max = 64) @Parameter(example = "elder-care") String skill,
            @QueryParam("from") @Parameter(description = "Starting at or after (ISO-8601 instant)",
                    schema = @Schema(type = SchemaType.STRING, format = "date-time")) String fromText,
            @QueryParam("to") @Parameter(description = "Starting at or before (ISO-8601 instant)",
                    schema = @Schema(type = SchemaType.STRING, format = "date-time")) String toText,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        GeoPoint centre;
        if (stationId != null) {
            if (latitude != null || longitude != null) {
                throw ProblemException.invalid("stationId", "cannot be combined with latitude and longitude");
            }
            centre = stations.require(stationId).location();
        } else if (latitude == null || longitude == null) {
            throw ProblemException.invalid(latitude == null ? "latitude" : "longitude",
                    "is required unless a stationId is given");
        } else {
            centre = (coordinateSystem == null ? CoordinateSystem.DEFAULT : coordinateSystem)
                    .toWgs84(new GeoPoint(latitude, longitude));
        }
        Instant from = QueryValues.instant("from", fromText);
        Instant to = QueryValues.instant("to", toText);
        if (from != null && to != null && to.isBefore(from)) {
            throw ProblemException.invalid("to", "must not be before from");
        }
        return nearbyNeeds.around(access.user().volunteerId(), centre, radiusMetres, skill, from, to, page, size)
                .map(found -> NeedMapper.toNearby(found.need(), found.area(), found.distanceMetres()));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.VOLUNTEER, Roles.SOCIAL_WORKER, Roles.ADMIN, Roles.INTEGRATOR})
    @Operation(operationId = "getNeed", summary = "Read a need and its status",
            description = "Social workers read their community's needs, integrators the needs they raised, volunteers "
                    + "a need offered or assigned to them (a beneficiary's home blurred until they accepted).")
    @APIResponse(responseCode = "200", description = "The need; the ETag header carries its version",
            content = @Content(schema = @Schema(implementation = NeedResponse.class)))
    @APIResponse(responseCode = "403", description = "Not the caller's to read")
    @APIResponse(responseCode = "404", description = "No such need")
    public Response get(@PathParam("id") UUID id) {
        Need need = access.readNeed(service.find(id).orElseThrow(() -> ProblemException.notFound("Need", id)));
        return Response.ok(NeedMapper.toResponse(need, access.seesExactLocation(need))).tag(ETags.of(need.version))
                .build();
    }

    @GET
    @RolesAllowed({Roles.SOCIAL_WORKER, Roles.ADMIN, Roles.INTEGRATOR})
    @Operation(operationId = "listNeeds", summary = "List needs",
            description = "Newest first; filter by status, by the social worker who raised them and by category.")
    @APIResponse(responseCode = "200", description = "One page of needs")
    @APIResponse(responseCode = "400", description = "Invalid filter or paging")
    @APIResponse(responseCode = "403", description = "Another community")
    public Page<NeedResponse> list(
            @QueryParam("status") @Pattern(regexp = STATUSES, message = "must be one of " + STATUSES)
            @Parameter(schema = @Schema(implementation = NeedStatus.class)) String status,
            @QueryParam("requestedBy") @Size(max = 64) @Parameter(example = "sw-0042") String requestedBy,
            @QueryParam("category") @Pattern(regexp = NeedCategory.PATTERN, message = NeedCategory.MESSAGE)
            @Parameter(example = "home-visit") String category,
            @QueryParam("community") @Size(max = 64) @Parameter(example = "xinhua") String community,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        boolean integrator = access.user().isIntegrator();
        NeedRepository.Filter filter = new NeedRepository.Filter(status == null ? null : NeedStatus.valueOf(status),
                integrator ? access.user().subject() : requestedBy, category, null,
                integrator ? community : access.listedCommunity(community));
        return service.list(filter, page, size).map(NeedMapper::toResponse);
    }

    @POST
    @Path("/{id}/start")
    @RolesAllowed({Roles.SOCIAL_WORKER, Roles.ADMIN})
    @Operation(operationId = "startNeed", summary = "Start the work of an assigned need",
            description = "Staff mark an assigned need as being worked on. Send If-Match with the need's version from"
                    + " its ETag.")
    @APIResponse(responseCode = "200", description = "IN_PROGRESS",
            content = @Content(schema = @Schema(implementation = NeedResponse.class)))
    @APIResponse(responseCode = "404", description = "No such need")
    @APIResponse(responseCode = "412", description = "If-Match names an older version")
    @APIResponse(responseCode = "409", description = "The need is not ASSIGNED")
    public Response start(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        manage(id, ifMatch);
        return respond(service.start(id));
    }

    @POST
    @Path("/{id}/cancellation")
    @RolesAllowed({Roles.SOCIAL_WORKER, Roles.ADMIN})
    @Operation(operationId = "cancelNeed", summary = "Cancel a need",
            description = "Publishes NeedCancelled: matching withdraws open offers and accepted volunteers are told.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "moved away", value = """
            {"cancelledBy": "sw-0042", "reason": "The resident moved to her daughter's"}""")))
    @APIResponse(responseCode = "200", description = "CANCELLED",
            content = @Content(schema = @Schema(implementation = NeedResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid input")
    @APIResponse(responseCode = "404", description = "No such need")
    @APIResponse(responseCode = "412", description = "If-Match names an older version")
    @APIResponse(responseCode = "409", description = "The need is already completed or cancelled")
    @APIResponse(responseCode = "422", description = "cancelledBy names someone other than the caller")
    public Response cancel(@PathParam("id") UUID id, CancellationRequest request,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        manage(id, ifMatch);
        return respond(service.cancel(id, request));
    }

    @POST
    @Path("/{id}/reports")
    @RolesAllowed({Roles.VOLUNTEER, Roles.SOCIAL_WORKER, Roles.ADMIN})
    @Operation(operationId = "reportOnNeed", summary = "A volunteer reports the service they gave",
            description = "The volunteer who accepted the need reports the service given (what was done, how long); "
                    + "the report stays with the need.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "report", value = """
            {"volunteerId": "7f3c1c52-8a1e-4c1e-9a55-2f4f1b0c9d11",
             "report": "Visited, fixed the tap, shopping done", "hours": 2}""")))
    @APIResponse(responseCode = "200", description = "The need with the report",
            content = @Content(schema = @Schema(implementation = NeedResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid input")
    @APIResponse(responseCode = "404", description = "No such need")
    @APIResponse(responseCode = "409", description = "The need is not ASSIGNED or IN_PROGRESS")
    @APIResponse(responseCode = "422", description = "The volunteer has not accepted the need")
    public Response report(@PathParam("id") UUID id, VolunteerReportRequest request) {
        Need need = service.find(id).orElseThrow(() -> ProblemException.notFound("Need", id));
        if (access.user().isVolunteer()) {
            access.self(request == null ? null : request.volunteerId());
        } else {
            access.manageNeed(need);
        }
        return respond(service.report(id, request));
    }

    @POST
    @Path("/{id}/completion")
    @RolesAllowed({Roles.SOCIAL_WORKER, Roles.ADMIN})
    @Operation(operationId = "completeNeed", summary = "Confirm the reports and complete the need",
            description = "Publishes one AssignmentCompleted per volunteer listed, from which their hours are "
                    + "credited.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "confirmation", value = """
            {"confirmedBy": "sw-0042", "serviceDate": "2026-11-20",
             "hours": [{"volunteerId": "7f3c1c52-8a1e-4c1e-9a55-2f4f1b0c9d11", "hours": 2}]}""")))
    @APIResponse(responseCode = "200", description = "COMPLETED",
            content = @Content(schema = @Schema(implementation = NeedResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid input")
    @APIResponse(responseCode = "404", description = "No such need")
    @APIResponse(responseCode = "412", description = "If-Match names an older version")
    @APIResponse(responseCode = "409", description = "The need is not IN_PROGRESS")
    @APIResponse(responseCode = "422", description = "A volunteer listed has not accepted or not reported, or "
            + "confirmedBy names someone other than the caller")
    public Response complete(@PathParam("id") UUID id, CompletionRequest request,
                             @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        manage(id, ifMatch);
        return respond(service.complete(id, request));
    }

    /** The social worker's actions: their community's needs, and only the version they read when If-Match says. */
    private void manage(UUID id, String ifMatch) {
        Need need = access.manageNeed(service.find(id).orElseThrow(() -> ProblemException.notFound("Need", id)));
        ETags.requireMatch(ifMatch, need.version);
    }

    private static Response respond(Need need) {
        return Response.ok(NeedMapper.toResponse(need)).tag(ETags.of(need.version)).build();
    }
}
