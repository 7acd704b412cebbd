package org.linkage.matching.rest;

import jakarta.annotation.security.RolesAllowed;
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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.linkage.chassis.i18n.Language;
import org.linkage.chassis.idempotency.IdempotencyKeys;
import org.linkage.chassis.security.CurrentUser;
import org.linkage.chassis.security.Roles;
import org.linkage.matching.api.AssignmentResponse;
import org.linkage.matching.service.MatchingService;

import java.util.UUID;

@Path("/api/v1/needs/{needId}/volunteer-offers")
@Tag(name = "Assignments", description = "Needs offered to volunteers, and their answers")
@Produces(MediaType.APPLICATION_JSON)
public class VolunteerOfferResource {

    /** The request's headers: the reasons are written in the reader's language (Accept-Language). */
    @Context
    HttpHeaders headers;

    private final MatchingService service;
    private final CurrentUser user;

    VolunteerOfferResource(MatchingService service, CurrentUser user) {
        this.service = service;
        this.user = user;
    }

    @POST
    @RolesAllowed(Roles.VOLUNTEER)
    @Operation(operationId = "offerSelfForNeed", summary = "Offer yourself for an open need",
            description = "For the volunteer, for a need found among the open needs nearby: creates an assignment "
                    + "PROPOSED_BY_VOLUNTEER and publishes AssignmentProposed, which asks the need's social worker to "
                    + "confirm (then it is ACCEPTED as an accepted offer is) or refuse it; the volunteer may withdraw "
                    + "it until then. The need must be open (not cancelled, not an emergency, not begun, not filled) "
                    + "and the volunteer active, in one of its volunteer groups if it names any, holding its skill and "
                    + "every certification and course it requires (as matching knows them), and free at its time. "
                    + "A child's need is only for the volunteer paired with the child or who served the child before. A refused offer changes nothing. "
                    + "No body.")
    @APIResponse(responseCode = "201", description = "The volunteer's offer, waiting for the social worker",
            content = @Content(schema = @Schema(implementation = AssignmentResponse.class)))
    @APIResponse(responseCode = "403", description = "A child's need the volunteer is not paired with")
    @APIResponse(responseCode = "404", description = "Matching knows no such need, or not the volunteer yet")
    @APIResponse(responseCode = "409", description = "The need is not open (needId), the volunteer was offered it "
            + "already, is not active or holds an accepted assignment at its time (volunteerId), or lacks what it "
            + "requires (volunteerGroups, requiredSkill, requiredCertifications, requiredTraining)")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for a different request")
    public Response offerSelf(@PathParam("needId") UUID needId,
                              @Parameter(description = "Makes retries safe: the same key returns the same offer")
                              @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
                              @Context UriInfo uriInfo) {
        return NeedAssignmentResource.created(service.offerSelf(needId, user.volunteerId(), idempotencyKey), uriInfo,
                Language.of(headers), service);
    }
}
