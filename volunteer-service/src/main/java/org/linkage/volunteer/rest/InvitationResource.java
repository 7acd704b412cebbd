package org.linkage.volunteer.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.linkage.chassis.security.Roles;
import org.linkage.chassis.web.ETags;
import org.linkage.volunteer.api.RedemptionRequest;
import org.linkage.volunteer.api.VolunteerResponse;
import org.linkage.volunteer.domain.Volunteer;
import org.linkage.volunteer.mapping.VolunteerMapper;
import org.linkage.volunteer.service.Invitations;


@Path("/api/v1/invitations")
@Tag(name = "Identities", description = "Which logins act as which volunteer; invitation codes sent by SMS")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class InvitationResource {

    private final Invitations invitations;

    InvitationResource(Invitations invitations) {
        this.invitations = invitations;
    }

    @POST
    @Path("/redemptions")
    @RolesAllowed(Roles.VOLUNTEER)
    @Operation(operationId = "redeemInvitation", summary = "Link my login to my volunteer record with the SMS code",
            description = "For a person logged in whose login acts as no volunteer yet: the mobile number staff "
                    + "registered and the 6-digit code sent to it. Publishes IdentityLinked; from the next request on, "
                    + "every service knows the login as this volunteer. A code is single use, expires (72 h) and "
                    + "locks after 5 wrong tries.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "code", value = """
            {"phone": "13812345678", "code": "042917"}""")))
    @APIResponse(responseCode = "200", description = "Linked: the volunteer the login now acts as",
            content = @Content(schema = @Schema(implementation = VolunteerResponse.class)))
    @APIResponse(responseCode = "400", description = "Not a mobile number, or not 6 digits")
    @APIResponse(responseCode = "409", description = "The login is linked already, to this or another volunteer")
    @APIResponse(responseCode = "410", description = "The code expired, or the invitation was revoked or replaced")
    @APIResponse(responseCode = "422", description = "No invitation was sent to this number, or the code is wrong "
            + "(the violation says how many tries are left)")
    @APIResponse(responseCode = "423", description = "Locked after too many wrong codes")
    public Response redeem(RedemptionRequest request) {
        Volunteer volunteer = invitations.redeem(request);
        return Response.ok(VolunteerMapper.toResponse(volunteer)).tag(ETags.of(volunteer.version)).build();
    }

}
