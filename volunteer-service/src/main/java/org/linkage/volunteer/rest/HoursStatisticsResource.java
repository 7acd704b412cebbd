package org.linkage.volunteer.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.linkage.chassis.security.Roles;
import org.linkage.chassis.time.DistrictConfig;
import org.linkage.chassis.web.Period;
import org.linkage.volunteer.api.HoursStatisticsResponse;
import org.linkage.volunteer.mapping.HoursMapper;
import org.linkage.volunteer.service.Exports;

import java.util.UUID;

/**
 * The hours part of the monthly roll-up, per volunteer group: the volunteers' groups live here, so these figures do
 * too (activity-service's statistics count activities, needs, wishes and emergencies).
 */
@Path("/api/v1/statistics/hours")
@Tag(name = "Hours", description = "Service hours: the ledger, certificates and the district's figures")
@Produces(MediaType.APPLICATION_JSON)
public class HoursStatisticsResource {

    private final Exports exports;
    private final DistrictConfig district;

    HoursStatisticsResource(Exports exports, DistrictConfig district) {
        this.exports = exports;
        this.district = district;
    }

    @GET
    @RolesAllowed({Roles.SOCIAL_WORKER, Roles.ADMIN})
    @Operation(operationId = "getHoursStatistics", summary = "Service hours of a period per volunteer group",
            description = "Credits less corrections by service date in the period (the current month in the "
                    + "district's time zone when from and to are left out; at most 366 days), of the volunteers of a "
                    + "community (a social worker's own; the district for an admin who names none), in total and "
                    + "per group type (college students, community mothers, party members, riders, residents...). "
                    + "Each entry counts under the group its volunteer was in when it was recorded, so a change of "
                    + "group does not move past hours; and per organisation. Optionally of one team's members only.")
    @APIResponse(responseCode = "200", description = "The figures",
            content = @Content(schema = @Schema(implementation = HoursStatisticsResponse.class)))
    @APIResponse(responseCode = "400", description = "An invalid or too long period (from or to)")
    @APIResponse(responseCode = "403", description = "Another community")
    public HoursStatisticsResponse hours(
            @QueryParam("community") @Size(max = 64) @Parameter(example = "新华路社区",
                    description = "A social worker's own when left out; the district for an admin") String community,
            @QueryParam("from") @Parameter(example = "2026-12-01", description = "First day; with to") String from,
            @QueryParam("to") @Parameter(example = "2026-12-31", description = "Last day; with from") String to,
            @QueryParam("team") @Parameter(description = "Only the hours of this team's members (its id)")
            UUID team) {
        Period period = Period.of(from, to, district.timeZone(), ExportResource.MAX_DAYS);
        Exports.Scope scope = exports.scope(community, new Exports.Group(team, null, null), period, null);
        return HoursMapper.toStatistics(period, scope.filter().community(), exports.hoursByGroup(scope));
    }
}
