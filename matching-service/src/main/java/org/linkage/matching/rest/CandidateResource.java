package org.linkage.matching.rest;

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
import org.linkage.matching.mapping.CandidateMapper;
import org.linkage.matching.service.CandidateService;

import java.util.UUID;

@Path("/api/v1/candidates")
@Tag(name = "Candidates", description = "Matching's view of volunteers, to check what it knows")
@Produces(MediaType.APPLICATION_JSON)
public class CandidateResource {

    private final CandidateService service;

    CandidateResource(CandidateService service) {
        this.service = service;
    }

    @GET
    @Path("/{volunteerId}")
    @Operation(operationId = "getCandidate", summary = "Read what matching knows of a volunteer",
            description = "The view is built from volunteer events, so a volunteer registered a moment ago may "
                    + "not be here yet: 404 until the event is consumed.")
    @APIResponse(responseCode = "200", description = "The volunteer as matching sees them",
            content = @Content(schema = @Schema(implementation = CandidateResponse.class)))
    @APIResponse(responseCode = "404", description = "Matching has not (yet) heard of this volunteer")
    public CandidateResponse get(@PathParam("volunteerId") UUID volunteerId) {
        return service.find(volunteerId).map(CandidateMapper::toResponse)
                .orElseThrow(() -> ProblemException.notFound("Candidate", volunteerId));
    }
}
