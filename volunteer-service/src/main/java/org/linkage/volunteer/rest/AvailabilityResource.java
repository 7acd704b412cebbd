package org.linkage.volunteer.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.linkage.chassis.problem.ProblemException;
import org.linkage.chassis.security.CurrentUser;
import org.linkage.chassis.security.Roles;
import org.linkage.chassis.time.DistrictConfig;
import org.linkage.volunteer.api.AvailabilityRequest;
import org.linkage.volunteer.api.AvailabilityResponse;
import org.linkage.volunteer.mapping.AvailabilityMapper;
import org.linkage.volunteer.service.AvailabilityService;

import java.util.UUID;

@Path("/api/v1/volunteers/{volunteerId}/availability")
@Tag(name = "Availability", description = "When volunteers can serve: weekly slots, dated exceptions, weekly cap")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AvailabilityResource {

    private final CurrentUser user;
    private final AvailabilityService service;
    private final DistrictConfig district;

    AvailabilityResource(AvailabilityService service, DistrictConfig district, CurrentUser user) {
        this.service = service;
        this.district = district;
        this.user = user;
    }

    @GET
    @RolesAllowed({Roles.VOLUNTEER, Roles.SOCIAL_WORKER, Roles.ADMIN})
    @Operation(operationId = "getAvailability", summary = "Read a volunteer's availability",
            description = "The weekly time slots in which the volunteer accepts offers, in the station's time zone; "
                    + "empty when never set.")
    @APIResponse(responseCode = "200", description = "The availability; empty while never set",
            content = @Content(schema = @Schema(implementation = AvailabilityResponse.class)))
    @APIResponse(responseCode = "404", description = "No such volunteer")
    public AvailabilityResponse get(@PathParam("volunteerId") UUID volunteerId) {
        user.requireSelfOrStaff(volunteerId);
        return service.find(volunteerId)
                .map(availability -> AvailabilityMapper.toResponse(availability, district.timeZone()))
                .orElseThrow(() -> ProblemException.notFound("Volunteer", volunteerId));
    }

    @PUT
    @RolesAllowed({Roles.VOLUNTEER, Roles.SOCIAL_WORKER, Roles.ADMIN})
    @Operation(operationId = "replaceAvailability", summary = "Replace a volunteer's availability",
            description = "Times are local to the district's time zone. Slots on the same day, and exceptions on "
                    + "the same date, must not overlap. Publishes VolunteerAvailabilityChanged.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "weekends", value = """
            {"weeklySlots": [{"dayOfWeek": "SATURDAY", "start": "09:00", "end": "12:00"},
                             {"dayOfWeek": "SUNDAY", "start": "14:00", "end": "17:00"}],
             "exceptions": [{"date": "2027-12-26", "kind": "AWAY"},
                            {"date": "2027-12-30", "kind": "EXTRA", "start": "18:00", "end": "20:00"}],
             "weeklyHoursCap": 8}""")))
    @APIResponse(responseCode = "200", description = "The availability as it is now",
            content = @Content(schema = @Schema(implementation = AvailabilityResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid input, or overlapping slots or exceptions")
    @APIResponse(responseCode = "404", description = "No such volunteer")
    @APIResponse(responseCode = "409", description = "The volunteer's data was erased")
    public AvailabilityResponse replace(@PathParam("volunteerId") UUID volunteerId, AvailabilityRequest request) {
        user.requireSelfOrStaff(volunteerId);
        return service.replace(volunteerId, request)
                .map(availability -> AvailabilityMapper.toResponse(availability, district.timeZone()))
                .orElseThrow(() -> ProblemException.notFound("Volunteer", volunteerId));
    }
}
