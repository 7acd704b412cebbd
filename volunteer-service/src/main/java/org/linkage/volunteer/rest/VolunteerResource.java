package org.linkage.volunteer.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
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
import org.linkage.volunteer.domain.VolunteerStatus;
import org.linkage.volunteer.mapping.VolunteerMapper;
import org.linkage.volunteer.repository.VolunteerRepository;
import org.linkage.volunteer.service.VolunteerService;

import java.util.Optional;
import java.util.UUID;

@Path("/api/v1/volunteers")
@Tag(name = "Volunteers", description = "Volunteer profiles, skills, status and on-duty switch")
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
        return current(id, service.find(id));
    }

    @GET
    @Operation(operationId = "listVolunteers", summary = "List and search volunteers",
            description = "Filter by skill, certification (verified and in date), home community, status, on-duty "
                    + "and free text in the name; "
                    + "sorted by createdAt (default) or name, descending with a leading '-'.")
    @APIResponse(responseCode = "200", description = "One page of volunteers")
    @APIResponse(responseCode = "400", description = "Invalid paging, sort or status")
    public Page<VolunteerResponse> list(@QueryParam("skill") @Parameter(example = "first-aid") String skill,
                                        @QueryParam("certification") @Parameter(example = "first-aid")
                                        String certification,
                                        @QueryParam("community") @Parameter(example = "新华路社区") String community,
                                        @QueryParam("status") @Parameter(example = "ACTIVE")
                                        @Pattern(regexp = "PENDING|ACTIVE|SUSPENDED|DEACTIVATED",
                                                message = "must be PENDING, ACTIVE, SUSPENDED or DEACTIVATED")
                                        String status,
                                        @QueryParam("onDuty") Boolean onDuty,
                                        @QueryParam("q") @Parameter(description = "Part of the name", example = "王")
                                        @Size(max = 100) String q,
                                        @QueryParam("sort") @DefaultValue("createdAt")
                                        @Parameter(description = "name, -name, createdAt or -createdAt", example = "name")
                                        @Pattern(regexp = "-?(name|createdAt)",
                                                message = "must be name, -name, createdAt or -createdAt")
                                        String sort,
                                        @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                        @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return service.list(new VolunteerRepository.Filter(skill, certification, onDuty, community,
                        status == null ? null : VolunteerStatus.valueOf(status), q, sort), page, size)
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
        return current(id, service.setOnDuty(id, request, ifMatch));
    }

    @PUT
    @Path("/{id}/skills")
    @Operation(operationId = "setVolunteerSkills", summary = "Replace a volunteer's skills and their levels",
            description = "Codes come from GET /api/v1/skills. Publishes VolunteerChanged when the set of skills "
                    + "changes. Send the ETag in If-Match to refuse the change if the volunteer changed meanwhile.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "carer", value = """
            {"skills": [{"code": "elder-care", "level": 3}, {"code": "first-aid", "level": 1}]}""")))
    @APIResponse(responseCode = "200", description = "The volunteer as it is now",
            content = @Content(schema = @Schema(implementation = VolunteerResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid input or a skill not in the catalogue")
    @APIResponse(responseCode = "404", description = "No such volunteer")
    @APIResponse(responseCode = "412", description = "If-Match names an older version")
    public Response setSkills(@PathParam("id") UUID id, SkillsRequest request,
                              @HeaderParam("If-Match") String ifMatch) {
        return current(id, service.setSkills(id, request, ifMatch));
    }

    @PUT
    @Path("/{id}/profile")
    @Operation(operationId = "updateVolunteerProfile", summary = "Update a volunteer's profile",
            description = "Only the fields sent change. Publishes VolunteerChanged when the name changes. Send "
                    + "the ETag in If-Match to refuse the change if the volunteer changed meanwhile.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "profile", value = """
            {"birthYear": 1968, "gender": "FEMALE", "homeCommunity": "新华路社区", "languages": ["zh", "en"],
             "bio": "退休教师，擅长辅导小学数学", "photoUrl": "https://files.linkage.example/photos/42.jpg"}""")))
    @APIResponse(responseCode = "200", description = "The volunteer as it is now",
            content = @Content(schema = @Schema(implementation = VolunteerResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid input")
    @APIResponse(responseCode = "404", description = "No such volunteer")
    @APIResponse(responseCode = "412", description = "If-Match names an older version")
    public Response updateProfile(@PathParam("id") UUID id, ProfileRequest request,
                                  @HeaderParam("If-Match") String ifMatch) {
        return current(id, service.updateProfile(id, request, ifMatch));
    }

    @POST
    @Path("/{id}/status")
    @Operation(operationId = "changeVolunteerStatus", summary = "Activate, suspend or deactivate a volunteer",
            description = "PENDING → ACTIVE → SUSPENDED ⇄ ACTIVE; any → DEACTIVATED, which is final. Suspending "
                    + "and deactivating need a reason. Publishes VolunteerChanged (the active flag) and, on "
                    + "deactivation, VolunteerDeactivated.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "suspend", value = """
            {"status": "SUSPENDED", "reason": "Complaint under review"}""")))
    @APIResponse(responseCode = "200", description = "The volunteer as it is now",
            content = @Content(schema = @Schema(implementation = VolunteerResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid input or a missing reason")
    @APIResponse(responseCode = "404", description = "No such volunteer")
    @APIResponse(responseCode = "409", description = "The volunteer's status cannot change that way")
    @APIResponse(responseCode = "412", description = "If-Match names an older version")
    public Response changeStatus(@PathParam("id") UUID id, StatusRequest request,
                                 @HeaderParam("If-Match") String ifMatch) {
        return current(id, service.changeStatus(id, request, ifMatch));
    }

    /** 200 with the volunteer and its ETag, or 404. */
    private static Response current(UUID id, Optional<Volunteer> volunteer) {
        return volunteer
                .map(found -> Response.ok(VolunteerMapper.toResponse(found)).tag(ETags.of(found.version)))
                .orElseThrow(() -> ProblemException.notFound("Volunteer", id))
                .build();
    }
}
