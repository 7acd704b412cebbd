package org.linkage.matching.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
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
import org.linkage.chassis.i18n.Language;
import org.linkage.chassis.idempotency.IdempotencyKeys;
import org.linkage.chassis.problem.ProblemException;
import org.linkage.chassis.security.CurrentUser;
import org.linkage.chassis.security.Roles;
import org.linkage.matching.api.PairingRequest;
import org.linkage.matching.api.PairingResponse;
import org.linkage.matching.domain.Pairing;
import org.linkage.matching.mapping.PairingMapper;
import org.linkage.matching.service.PairingService;

import java.util.UUID;

@Path("/api/v1/pairings")
@Tag(name = "Pairings", description = "One-to-one pairings of children or elders with volunteers")
@Produces(MediaType.APPLICATION_JSON)
public class PairingResource {

    /** The request's headers: the reasons are written in the reader's language (Accept-Language). */
    @Context
    HttpHeaders headers;

    private static final String EXAMPLE = """
            {
              "category": "one-to-one-tutoring",
              "firstSession": {"start": "2027-06-05T08:00:00Z", "end": "2027-06-05T10:00:00Z"},
              "beneficiaries": [
                {"beneficiaryRef": "8a1f3c52-5a0e-4c1b-9d2e-0b7e4f6a1c93", "requiredSkill": "tutoring",
                 "location": {"latitude": 31.231, "longitude": 121.474}, "careCategory": "CHILD"},
                {"beneficiaryRef": "c2d94b1e-7f3a-4e58-8b6c-1a9e0d2f4b77", "requiredSkill": "tutoring",
                 "location": {"latitude": 31.225, "longitude": 121.480}, "careCategory": "CHILD"}
              ],
              "volunteerIds": ["5f0c6a8e-2b1d-4e53-9a44-0d7c1f3b2a10", "0e9b7c4d-3a2f-4d61-8e5b-6c1a2b3d4e5f"]
            }""";

    private final PairingService service;
    private final CurrentUser user;

    PairingResource(PairingService service, CurrentUser user) {
        this.service = service;
        this.user = user;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SOCIAL_WORKER, Roles.ADMIN})
    @Operation(operationId = "proposePairing", summary = "Propose one-to-one pairings for a group",
            description = "Pairs each beneficiary with at most one volunteer of the pool, and each volunteer with at "
                    + "most one beneficiary (configurable), so that the total score is the largest possible "
                    + "(Hungarian algorithm). Every pair meets the hard constraints for the first session; a "
                    + "beneficiary nobody of the pool fits is left without a volunteer. Nothing is sent until the "
                    + "proposal is approved. The caller is the requesting social worker, told of the answers; their "
                    + "community's social workers may read and approve it.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "two children", value = EXAMPLE)))
    @APIResponse(responseCode = "201", description = "The proposal, with the reasons for each pair",
            content = @Content(schema = @Schema(implementation = PairingResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid input, a beneficiary listed twice, or a volunteer "
            + "matching does not know")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for a different request")
    public Response propose(PairingRequest request,
                            @Parameter(description = "Makes retries safe: the same key returns the same proposal")
                            @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
                            @Context UriInfo uriInfo) {
        if (request == null) {
            throw ProblemException.invalid("beneficiaries", "must not be empty");
        }
        Pairing pairing = service.propose(request, user.subject(), user.community().orElse(null), idempotencyKey);
        return Response.created(uriInfo.getAbsolutePathBuilder().path(pairing.id.toString()).build())
                .entity(PairingMapper.toResponse(pairing, language())).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.SOCIAL_WORKER, Roles.ADMIN})
    @Operation(operationId = "getPairing", summary = "Read a pairing proposal",
            description = "A pairing proposal of staff's community: each beneficiary with the proposed volunteer, the"
                    + " score and the reasons.")
    @APIResponse(responseCode = "200", description = "The pairing",
            content = @Content(schema = @Schema(implementation = PairingResponse.class)))
    @APIResponse(responseCode = "403", description = "A pairing of another community")
    @APIResponse(responseCode = "404", description = "No such pairing")
    public PairingResponse get(@PathParam("id") UUID id) {
        return PairingMapper.toResponse(ofCommunity(id), language());
    }

    @POST
    @Path("/{id}/approval")
    @RolesAllowed({Roles.SOCIAL_WORKER, Roles.ADMIN})
    @Operation(operationId = "approvePairing", summary = "Approve a pairing and send the offers",
            description = "Each proposed volunteer is offered their pair (AssignmentOffered) as a need of one "
                    + "volunteer; should they decline, that need is offered on like any other. Approving twice is "
                    + "a conflict.")
    @APIResponse(responseCode = "200", description = "The approved pairing with the offers' ids",
            content = @Content(schema = @Schema(implementation = PairingResponse.class)))
    @APIResponse(responseCode = "403", description = "A pairing of another community")
    @APIResponse(responseCode = "404", description = "No such pairing")
    @APIResponse(responseCode = "409", description = "The pairing was approved already")
    public PairingResponse approve(@PathParam("id") UUID id) {
        ofCommunity(id);
        return service.approve(id).map(p -> PairingMapper.toResponse(p, language()))
                .orElseThrow(() -> ProblemException.notFound("Pairing", id));
    }

    private Pairing ofCommunity(UUID id) {
        Pairing pairing = service.find(id).orElseThrow(() -> ProblemException.notFound("Pairing", id));
        user.requireCommunity(pairing.community);
        return pairing;
    }

    private Language language() {
        return Language.of(headers);
    }
}
