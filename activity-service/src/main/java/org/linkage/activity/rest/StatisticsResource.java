package org.linkage.activity.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
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
import org.linkage.activity.api.StatisticsResponse;
import org.linkage.activity.service.Access;
import org.linkage.activity.service.StatisticsService;
import org.linkage.chassis.problem.ProblemException;
import org.linkage.chassis.security.Roles;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

@Path("/api/v1/statistics")
@Tag(name = "Statistics", description = "The figures the district reports, per community and period")
@Produces(MediaType.APPLICATION_JSON)
public class StatisticsResource {

    private static final int MAX_DAYS = 3660;

    private final StatisticsService service;
    private final Access access;

    StatisticsResource(StatisticsService service, Access access) {
        this.service = service;
        this.access = access;
    }

    @GET
    @RolesAllowed({Roles.SOCIAL_WORKER, Roles.ADMIN})
    @Operation(operationId = "getStatistics", summary = "A community's figures for a period",
            description = "Activities held, volunteers engaged, service hours, needs met by care category, the "
                    + "micro-wish completion rate and hazard reports by status. Days are the district's.")
    @APIResponse(responseCode = "200", description = "The figures",
            content = @Content(schema = @Schema(implementation = StatisticsResponse.class)))
    @APIResponse(responseCode = "400", description = "Missing community or an invalid period")
    @APIResponse(responseCode = "403", description = "Another community")
    public StatisticsResponse get(
            @QueryParam("community") @NotBlank @Size(max = 64) @Parameter(example = "xinhua") String community,
            @QueryParam("from") @NotNull @Parameter(example = "2026-01-01") String from,
            @QueryParam("to") @NotNull @Parameter(example = "2026-12-31") String to) {
        LocalDate first = QueryValues.date("from", from);
        LocalDate last = QueryValues.date("to", to);
        if (last.isBefore(first)) {
            throw ProblemException.invalid("to", "must not be before from");
        }
        if (ChronoUnit.DAYS.between(first, last) > MAX_DAYS) {
            throw ProblemException.invalid("to", "must be at most " + MAX_DAYS + " days after from");
        }
        access.community(community);
        return service.of(community, first, last);
    }
}
