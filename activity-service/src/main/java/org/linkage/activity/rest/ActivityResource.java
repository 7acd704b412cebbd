package org.linkage.activity.rest;

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
import org.linkage.activity.api.ActivityResponse;
import org.linkage.activity.api.AttendanceResponse;
import org.linkage.activity.api.CancellationRequest;
import org.linkage.activity.api.ScheduleActivityRequest;
import org.linkage.activity.api.SignUpCancellationRequest;
import org.linkage.activity.api.SignUpRequest;
import org.linkage.activity.api.SignUpResponse;
import org.linkage.activity.api.StationCodeRequest;
import org.linkage.activity.api.StationCodeResponse;
import org.linkage.activity.domain.Activity;
import org.linkage.activity.domain.Attendance;
import org.linkage.activity.domain.SignUp;
import org.linkage.activity.domain.SignUpStatus;
import org.linkage.activity.domain.StationCode;
import org.linkage.activity.mapping.ActivityMapper;
import org.linkage.activity.repository.ActivityRepository;
import org.linkage.activity.service.Access;
import org.linkage.activity.service.ActivityService;
import org.linkage.activity.service.AttendanceService;
import org.linkage.activity.service.StationService;
import org.linkage.chassis.idempotency.IdempotencyKeys;
import org.linkage.chassis.problem.ProblemException;
import org.linkage.chassis.security.Roles;
import org.linkage.chassis.web.ETags;
import org.linkage.chassis.web.Page;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/activities")
@Tag(name = "Activities", description = "Activities at stations: sign-up, waitlist, check-in and check-out")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ActivityResource {

    private final ActivityService service;
    private final AttendanceService attendance;
    private final StationService stations;
    private final Access access;

    ActivityResource(ActivityService service, AttendanceService attendance, StationService stations,
                     Access access) {
        this.service = service;
        this.attendance = attendance;
        this.stations = stations;
        this.access = access;
    }

    @POST
    @RolesAllowed({Roles.SOCIAL_WORKER, Roles.ADMIN})
    @Operation(operationId = "scheduleActivity", summary = "Schedule an activity at a station",
            description = "Staff schedule a group activity at a station of their community: time window, places, "
                    + "required skills. Send an Idempotency-Key to retry safely. Volunteers are told of it "
                    + "through notification-service.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "homework club", value = """
            {"stationId": "0b6c7d1e-2f3a-4b5c-8d9e-0f1a2b3c4d5e", "title": "Homework club",
             "description": "Help primary pupils with their homework",
             "startsAt": "2027-06-05T08:00:00Z", "endsAt": "2027-06-05T10:00:00Z", "capacity": 10,
             "requiredSkills": ["tutoring"], "requiredCertifications": [], "withChildren": true,
             "organiser": "staff-007"}""")))
    @APIResponse(responseCode = "201", description = "Scheduled",
            content = @Content(schema = @Schema(implementation = ActivityResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid input")
    @APIResponse(responseCode = "409", description = "A request with the same Idempotency-Key is in progress")
    @APIResponse(responseCode = "422", description = "No such station, or the Idempotency-Key was reused")
    public Response schedule(ScheduleActivityRequest request,
                             @Parameter(description = "Makes retries safe")
                             @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
                             @Context UriInfo uriInfo) {
        if (request != null && request.stationId() != null) {
            stations.find(request.stationId()).ifPresent(station -> access.community(station.community));
        }
        Activity activity = service.schedule(request, idempotencyKey);
        return Response.created(uriInfo.getAbsolutePathBuilder().path(activity.id.toString()).build())
                .tag(ETags.of(activity.version)).entity(ActivityMapper.toResponse(activity)).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.VOLUNTEER, Roles.SOCIAL_WORKER, Roles.ADMIN})
    @Operation(operationId = "getActivity", summary = "Read an activity and its places left",
            description = "The activity with its station, time window, required skills and the places still free.")
    @APIResponse(responseCode = "200", description = "The activity",
            content = @Content(schema = @Schema(implementation = ActivityResponse.class)))
    @APIResponse(responseCode = "403", description = "Another community's activity, or another volunteer")
    @APIResponse(responseCode = "404", description = "No such activity")
    public Response get(@PathParam("id") UUID id) {
        Activity activity = service.require(id);
        return Response.ok(ActivityMapper.toResponse(activity)).tag(ETags.of(activity.version)).build();
    }

    @GET
    @RolesAllowed({Roles.VOLUNTEER, Roles.SOCIAL_WORKER, Roles.ADMIN})
    @Operation(operationId = "listActivities", summary = "List activities, soonest first",
            description = "Filter by station and by a period of start times.")
    @APIResponse(responseCode = "200", description = "One page of activities")
    @APIResponse(responseCode = "400", description = "Invalid filter or paging")
    public Page<ActivityResponse> list(
            @QueryParam("stationId") @Parameter(schema = @Schema(format = "uuid")) String stationId,
            @QueryParam("from") @Parameter(example = "2026-12-01T00:00:00Z") String fromTime,
            @QueryParam("to") @Parameter(example = "2027-01-01T00:00:00Z") String toTime,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        Instant from = QueryValues.instant("from", fromTime);
        Instant to = QueryValues.instant("to", toTime);
        if (from != null && to != null && !to.isAfter(from)) {
            throw ProblemException.invalid("to", "must be after from");
        }
        return service.list(new ActivityRepository.Filter(QueryValues.uuid("stationId", stationId), from, to),
                        page, size)
                .map(ActivityMapper::toResponse);
    }

    @POST
    @Path("/{id}/cancellation")
    @RolesAllowed({Roles.SOCIAL_WORKER, Roles.ADMIN})
    @Operation(operationId = "cancelActivity", summary = "Cancel an activity",
            description = "Ends every sign-up; publishes ActivityCancelled naming the volunteers who held a place.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "storm", value = """
            {"cancelledBy": "staff-007", "reason": "Typhoon warning: the centre is closed"}""")))
    @APIResponse(responseCode = "200", description = "CANCELLED",
            content = @Content(schema = @Schema(implementation = ActivityResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid input")
    @APIResponse(responseCode = "403", description = "Another community's activity, or another volunteer")
    @APIResponse(responseCode = "404", description = "No such activity")
    @APIResponse(responseCode = "409", description = "Already cancelled or started")
    @APIResponse(responseCode = "422", description = "cancelledBy names someone other than the caller")
    public Response cancel(@PathParam("id") UUID id, CancellationRequest request) {
        access.manageActivity(service.require(id));
        Activity activity = service.cancel(id, request);
        return Response.ok(ActivityMapper.toResponse(activity)).tag(ETags.of(activity.version)).build();
    }

    @POST
    @Path("/{id}/sign-ups")
    @RolesAllowed({Roles.VOLUNTEER, Roles.SOCIAL_WORKER, Roles.ADMIN})
    @Operation(operationId = "signUpForActivity", summary = "Sign a volunteer up",
            description = "A free place is CONFIRMED (ActivitySignUpConfirmed); when the activity is full the "
                    + "volunteer is WAITLISTED in order of arrival, or refused with 409 if joinWaitlist is false.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "sign up", value = """
            {"volunteerId": "7f3c1c52-8a1e-4c1e-9a55-2f4f1b0c9d11", "joinWaitlist": true}""")))
    @APIResponse(responseCode = "201", description = "CONFIRMED or WAITLISTED",
            content = @Content(schema = @Schema(implementation = SignUpResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid input")
    @APIResponse(responseCode = "403", description = "Another community's activity, or another volunteer")
    @APIResponse(responseCode = "404", description = "No such activity")
    @APIResponse(responseCode = "409", description = "Full (without waitlist), already signed up, cancelled or "
            + "started")
    @APIResponse(responseCode = "422", description = "The volunteer lacks a required skill or a certification valid"
            + " on the activity's day (for work with children: not active or no background check), or the"
            + " Idempotency-Key was used for a different request")
    @APIResponse(responseCode = "429", description = "The volunteer signed up too often in the last 24 hours; "
            + "Retry-After says when to try again")
    public Response signUp(@PathParam("id") UUID id, SignUpRequest request,
                           @Parameter(description = "Makes retries safe")
                           @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
                           @Context UriInfo uriInfo) {
        access.actOnActivityFor(service.require(id), request == null ? null : request.volunteerId());
        SignUp signUp = service.signUp(id, request, idempotencyKey);
        return Response.created(uriInfo.getAbsolutePathBuilder().path(signUp.id.toString()).build())
                .entity(ActivityMapper.toResponse(signUp, service.waitlistPosition(signUp))).build();
    }

    @GET
    @Path("/{id}/sign-ups")
    @RolesAllowed({Roles.SOCIAL_WORKER, Roles.ADMIN})
    @Operation(operationId = "listSignUps", summary = "The activity's sign-ups in order of arrival",
            description = "For staff: the activity's sign-ups in order of arrival, including cancelled ones and who "
                    + "waits for a place.")
    @APIResponse(responseCode = "200", description = "Every sign-up, cancelled ones included")
    @APIResponse(responseCode = "403", description = "Another community's activity, or another volunteer")
    @APIResponse(responseCode = "404", description = "No such activity")
    public List<SignUpResponse> signUps(@PathParam("id") UUID id) {
        access.manageActivity(service.require(id));
        List<SignUp> all = service.signUpsOf(id);
        long[] position = {0};
        return all.stream().map(signUp -> ActivityMapper.toResponse(signUp,
                signUp.status == SignUpStatus.WAITLISTED ? ++position[0] : null))
                .toList();
    }

    @POST
    @Path("/{id}/sign-ups/{signUpId}/cancellation")
    @RolesAllowed({Roles.VOLUNTEER, Roles.SOCIAL_WORKER, Roles.ADMIN})
    @Operation(operationId = "cancelSignUp", summary = "End a sign-up, by the volunteer or by staff",
            description = "A freed place goes to the first in the waitlist (ActivitySignUpConfirmed with "
                    + "promotedFromWaitlist); a place given up publishes ActivitySignUpCancelled.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "volunteer", value = """
            {"cancelledBy": "VOLUNTEER"}""")))
    @APIResponse(responseCode = "200", description = "CANCELLED",
            content = @Content(schema = @Schema(implementation = SignUpResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid input")
    @APIResponse(responseCode = "403", description = "Another community's activity, or another volunteer")
    @APIResponse(responseCode = "404", description = "No such activity or sign-up")
    @APIResponse(responseCode = "409", description = "Already cancelled, or the activity started or was cancelled")
    public SignUpResponse cancelSignUp(@PathParam("id") UUID id, @PathParam("signUpId") UUID signUpId,
                                       SignUpCancellationRequest request) {
        access.cancelSignUp(service.require(id), service.signUpOf(id, signUpId));
        return ActivityMapper.toResponse(service.cancelSignUp(id, signUpId, request), null);
    }

    @GET
    @Path("/{id}/station-code")
    @RolesAllowed({Roles.SOCIAL_WORKER, Roles.ADMIN})
    @Operation(operationId = "getStationCode", summary = "The code to show at the station now",
            description = "For staff at the station. It rotates: each code is accepted for a few minutes only.")
    @APIResponse(responseCode = "200", description = "The current code",
            content = @Content(schema = @Schema(implementation = StationCodeResponse.class)))
    @APIResponse(responseCode = "403", description = "Another community's activity, or another volunteer")
    @APIResponse(responseCode = "404", description = "No such activity")
    @APIResponse(responseCode = "409", description = "Check-in is not open (too early, over or cancelled)")
    public StationCodeResponse stationCode(@PathParam("id") UUID id) {
        access.manageActivity(service.require(id));
        StationCode code = attendance.currentCode(id);
        return new StationCodeResponse(code.key.code(), code.expiresAt);
    }

    @POST
    @Path("/{id}/check-ins")
    @RolesAllowed({Roles.VOLUNTEER, Roles.SOCIAL_WORKER, Roles.ADMIN})
    @Operation(operationId = "checkIn", summary = "Check in with the code shown at the station",
            description = "A volunteer who holds a place checks in with the short code shown at the station during "
                    + "the check-in window. Wrong codes are counted per volunteer and per activity; too many lock"
                    + " check-in until Retry-After.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "check in", value = """
            {"volunteerId": "7f3c1c52-8a1e-4c1e-9a55-2f4f1b0c9d11", "code": "482913"}""")))
    @APIResponse(responseCode = "201", description = "Checked in",
            content = @Content(schema = @Schema(implementation = AttendanceResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid input")
    @APIResponse(responseCode = "403", description = "Another community's activity, or another volunteer")
    @APIResponse(responseCode = "404", description = "No such activity")
    @APIResponse(responseCode = "409", description = "Already checked in, or check-in is not open")
    @APIResponse(responseCode = "422", description = "Wrong or expired code, the volunteer holds no place, or no"
            + " longer meets what the activity requires (a certification expired, suspended)")
    @APIResponse(responseCode = "429", description = "Too many wrong codes of the volunteer or at the activity: "
            + "every code is refused until Retry-After")
    public Response checkIn(@PathParam("id") UUID id, StationCodeRequest request, @Context UriInfo uriInfo) {
        access.actOnActivityFor(service.require(id), request == null ? null : request.volunteerId());
        Attendance checkedIn = attendance.checkIn(id, request);
        return Response.created(uriInfo.getBaseUriBuilder().path("api/v1/activities").path(id.toString())
                        .path("attendances").build())
                .entity(ActivityMapper.toResponse(checkedIn)).build();
    }

    @POST
    @Path("/{id}/check-outs")
    @RolesAllowed({Roles.VOLUNTEER, Roles.SOCIAL_WORKER, Roles.ADMIN})
    @Operation(operationId = "checkOut", summary = "Check out with the code shown at the station",
            description = "Records the hours present (at most the activity's length) and publishes "
                    + "AttendanceRecorded, from which they are credited.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "check out", value = """
            {"volunteerId": "7f3c1c52-8a1e-4c1e-9a55-2f4f1b0c9d11", "code": "105377"}""")))
    @APIResponse(responseCode = "200", description = "Checked out, with the hours",
            content = @Content(schema = @Schema(implementation = AttendanceResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid input")
    @APIResponse(responseCode = "403", description = "Another community's activity, or another volunteer")
    @APIResponse(responseCode = "404", description = "No such activity")
    @APIResponse(responseCode = "409", description = "Already checked out")
    @APIResponse(responseCode = "422", description = "Wrong or expired code, or the volunteer never checked in")
    @APIResponse(responseCode = "429", description = "Too many wrong codes of the volunteer or at the activity: "
            + "every code is refused until Retry-After")
    public AttendanceResponse checkOut(@PathParam("id") UUID id, StationCodeRequest request) {
        access.actOnActivityFor(service.require(id), request == null ? null : request.volunteerId());
        return ActivityMapper.toResponse(attendance.checkOut(id, request));
    }

    @GET
    @Path("/{id}/attendances")
    @RolesAllowed({Roles.SOCIAL_WORKER, Roles.ADMIN})
    @Operation(operationId = "listAttendances", summary = "Who checked in and out, with their hours",
            description = "For staff: every volunteer who checked in, when they checked out, and the hours credited "
                    + "for the activity.")
    @APIResponse(responseCode = "200", description = "The attendances")
    @APIResponse(responseCode = "403", description = "Another community's activity, or another volunteer")
    @APIResponse(responseCode = "404", description = "No such activity")
    public List<AttendanceResponse> attendances(@PathParam("id") UUID id) {
        access.manageActivity(service.require(id));
        return attendance.of(id).stream().map(ActivityMapper::toResponse).toList();
    }
}
