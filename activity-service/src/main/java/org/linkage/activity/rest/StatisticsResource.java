package org.linkage.activity.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.linkage.activity.api.StatisticsResponse;
import org.linkage.activity.service.Access;
import org.linkage.activity.service.StatisticsService;
import org.linkage.chassis.i18n.Language;
import org.linkage.chassis.security.Roles;
import org.linkage.chassis.time.DistrictConfig;
import org.linkage.chassis.web.Period;


@Path("/api/v1/statistics")
@Tag(name = "Statistics", description = "The figures the district reports monthly, per station, community and "
        + "district")
@Produces(MediaType.APPLICATION_JSON)
public class StatisticsResource {

    /** The longest period one report covers: a year (a leap year's 366 days). */
    static final int MAX_DAYS = 366;

    private final StatisticsService service;
    private final Access access;
    private final DistrictConfig district;

    StatisticsResource(StatisticsService service, Access access, DistrictConfig district) {
        this.service = service;
        this.access = access;
        this.district = district;
    }

    @GET
    @RolesAllowed({Roles.SOCIAL_WORKER, Roles.ADMIN})
    @Operation(operationId = "getStatistics", summary = "A community's or the district's figures for a period",
            description = "The monthly report: activities held, volunteers engaged, service hours, needs met and "
                    + "people served by focus group, micro-wishes posted, claimed, fulfilled and confirmed, hazard "
                    + "reports made and resolved, emergencies raised and answered with the median time to the first "
                    + "acceptance, and each station's activities, attendances and hours. Without from and to: the "
                    + "current month in the district's time zone (Asia/Shanghai); a period is at most "
                    + MAX_DAYS + " days. A social worker sees their community; an admin names one, or leaves "
                    + "community out for the whole district.")
    @APIResponse(responseCode = "200", description = "The figures",
            content = @Content(schema = @Schema(implementation = StatisticsResponse.class)))
    @APIResponse(responseCode = "400", description = "An invalid period, only one of from and to, or a period "
            + "longer than the maximum (naming the field)")
    @APIResponse(responseCode = "403", description = "Another community")
    public StatisticsResponse get(
            @QueryParam("community") @Size(max = 64) @Parameter(example = "xinhua",
                    description = "The community; a social worker's own when left out, the district for an admin")
            String community,
            @QueryParam("from") @Parameter(example = "2026-12-01", description = "First day; with to") String from,
            @QueryParam("to") @Parameter(example = "2026-12-31", description = "Last day; with from") String to,
            @Context HttpHeaders headers) {
        Period period = Period.of(from, to, district.timeZone(), MAX_DAYS);
        return service.of(access.listedCommunity(community), period, Language.of(headers));
    }
}
