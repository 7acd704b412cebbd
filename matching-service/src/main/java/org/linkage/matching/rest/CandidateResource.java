package org.linkage.matching.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.linkage.chassis.problem.ProblemException;
import org.linkage.chassis.security.CurrentUser;
import org.linkage.chassis.security.Roles;
import org.linkage.matching.api.CandidateResponse;
import org.linkage.matching.mapping.CandidateMapper;
import org.linkage.matching.service.CandidateService;

import java.util.UUID;

@Path("/api/v1/candidates")
@Tag(name = "Candidates", description = "Matching's view of volunteers, to check what it knows")
@Produces(MediaType.APPLICATION_JSON)
public class CandidateResource {

    private final CandidateService service;
    private final CurrentUser user;

    CandidateResource(CandidateService service, CurrentUser user) {
        this.service = service;
        this.user = user;
    }

    @GET
    @Path("/{volunteerId}")
    @RolesAllowed({Roles.VOLUNTEER, Roles.SOCIAL_WORKER, Roles.ADMIN})
    @Operation(operationId = "getCandidate", summary = "Read what matching knows of a volunteer",
            description = "The view is built from volunteer events, so a volunteer registered a moment ago may "
                    + "not be here yet: 404 until the event is consumed. A volunteer reads only themselves; no "
                    + "location is ever shown.")
    @APIResponse(responseCode = "200", description = "The volunteer as matching sees them",
            content = @Content(schema = @Schema(implementation = CandidateResponse.class)))
    @APIResponse(responseCode = "403", description = "Another volunteer")
    @APIResponse(responseCode = "404", description = "Matching has not (yet) heard of this volunteer")
    public CandidateResponse get(@PathParam("volunteerId") UUID volunteerId) {
        user.requireSelfOrStaff(volunteerId);
        return service.find(volunteerId).map(CandidateMapper::toResponse)
                .orElseThrow(() -> ProblemException.notFound("Candidate", volunteerId));
    }
}
