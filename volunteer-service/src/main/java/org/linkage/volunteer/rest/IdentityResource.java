package org.linkage.volunteer.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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
import org.linkage.chassis.problem.ProblemException;
import org.linkage.chassis.security.Roles;
import org.linkage.chassis.web.ETags;
import org.linkage.volunteer.api.IdentityLinkRequest;
import org.linkage.volunteer.api.IdentityLinkResponse;
import org.linkage.volunteer.api.InvitationResponse;
import org.linkage.volunteer.api.RedemptionRequest;
import org.linkage.volunteer.api.VolunteerResponse;
import org.linkage.volunteer.domain.Invitation;
import org.linkage.volunteer.domain.Volunteer;
import org.linkage.volunteer.mapping.IdentityMapper;
import org.linkage.volunteer.mapping.VolunteerMapper;
import org.linkage.volunteer.service.IdentityLinks;
import org.linkage.volunteer.service.Invitations;

import java.util.List;
import java.util.UUID;

@Path("/api/v1")
@Tag(name = "Identities", description = "Which logins act as which volunteer; invitation codes sent by SMS")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class IdentityResource {

    private final IdentityLinks identityLinks;
    private final Invitations invitations;

    IdentityResource(IdentityLinks identityLinks, Invitations invitations) {
        this.identityLinks = identityLinks;
        this.invitations = invitations;
    }

    @POST
    @Path("/invitations/redemptions")
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

    @GET
    @Path("/volunteers/{id}/identities")
    @RolesAllowed({Roles.SOCIAL_WORKER, Roles.ADMIN})
    @Operation(operationId = "listVolunteerIdentities", summary = "List the logins that act as a volunteer",
            description = "Staff of the volunteer's community, and admins.")
    @APIResponse(responseCode = "200", description = "The linked logins, oldest first")
    @APIResponse(responseCode = "404", description = "No such volunteer")
    public List<IdentityLinkResponse> identities(@PathParam("id") UUID id) {
        return identityLinks.of(id).stream().map(IdentityMapper::toResponse).toList();
    }

    @POST
    @Path("/volunteers/{id}/identities")
    @RolesAllowed({Roles.SOCIAL_WORKER, Roles.ADMIN})
    @Operation(operationId = "linkVolunteerIdentity", summary = "Link a login to a volunteer by hand",
            description = "Relinks a login staff unlinked, or adds another. Audited; publishes IdentityLinked. "
                    + "Linking a login already linked to this volunteer changes nothing.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "login", value = """
            {"issuer": "https://sso.linkage.example/realms/linkage",
             "subject": "0c6d5b8e-3f1a-4a57-9a0e-5d2b7f1c9e44"}""")))
    @APIResponse(responseCode = "201", description = "Linked",
            content = @Content(schema = @Schema(implementation = IdentityLinkResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid input")
    @APIResponse(responseCode = "404", description = "No such volunteer")
    @APIResponse(responseCode = "409", description = "The login acts as another volunteer, or the volunteer is "
            + "deactivated or erased")
    public Response link(@PathParam("id") UUID id, IdentityLinkRequest request) {
        return Response.status(201).entity(IdentityMapper.toResponse(identityLinks.linkByStaff(id, request))).build();
    }

    @DELETE
    @Path("/volunteers/{id}/identities/{linkId}")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.SOCIAL_WORKER, Roles.ADMIN})
    @Operation(operationId = "unlinkVolunteerIdentity", summary = "Unlink a login from a volunteer",
            description = "Audited; publishes IdentityUnlinked: the login's next request is refused in every "
                    + "service (403 \"not linked\"), and its live streams end.")
    @APIResponse(responseCode = "204", description = "Unlinked")
    @APIResponse(responseCode = "404", description = "No such volunteer, or no such link of theirs")
    public void unlink(@PathParam("id") UUID id, @PathParam("linkId") UUID linkId) {
        identityLinks.unlinkByStaff(id, linkId);
    }

    @GET
    @Path("/volunteers/{id}/invitation")
    @RolesAllowed({Roles.SOCIAL_WORKER, Roles.ADMIN})
    @Operation(operationId = "getVolunteerInvitation", summary = "Read the volunteer's newest invitation",
            description = "Its state, expiry and the tries left; never the code.")
    @APIResponse(responseCode = "200", description = "The newest invitation",
            content = @Content(schema = @Schema(implementation = InvitationResponse.class)))
    @APIResponse(responseCode = "404", description = "No such volunteer, or never invited")
    public InvitationResponse invitation(@PathParam("id") UUID id) {
        return invitations.latest(id).map(this::toResponse)
                .orElseThrow(() -> ProblemException.notFound("Invitation of volunteer", id));
    }

    @POST
    @Path("/volunteers/{id}/invitation")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.SOCIAL_WORKER, Roles.ADMIN})
    @Operation(operationId = "resendVolunteerInvitation", summary = "Send the volunteer a new invitation code",
            description = "A new code goes by SMS to the volunteer's mobile number (InvitationIssued); the code "
                    + "sent before can no longer be used. Audited.")
    @APIResponse(responseCode = "201", description = "Sent",
            content = @Content(schema = @Schema(implementation = InvitationResponse.class)))
    @APIResponse(responseCode = "404", description = "No such volunteer")
    @APIResponse(responseCode = "409", description = "The volunteer is deactivated or erased")
    public Response resend(@PathParam("id") UUID id) {
        return Response.status(201).entity(toResponse(invitations.resend(id))).build();
    }

    @DELETE
    @Path("/volunteers/{id}/invitation")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.SOCIAL_WORKER, Roles.ADMIN})
    @Operation(operationId = "revokeVolunteerInvitation", summary = "Revoke the volunteer's open invitation",
            description = "Its code can no longer be used. Audited.")
    @APIResponse(responseCode = "200", description = "The revoked invitation",
            content = @Content(schema = @Schema(implementation = InvitationResponse.class)))
    @APIResponse(responseCode = "404", description = "No such volunteer, or no open invitation")
    public InvitationResponse revoke(@PathParam("id") UUID id) {
        return toResponse(invitations.revoke(id));
    }

    private InvitationResponse toResponse(Invitation invitation) {
        return IdentityMapper.toResponse(invitation, invitations.attemptsLeft(invitation));
    }
}
