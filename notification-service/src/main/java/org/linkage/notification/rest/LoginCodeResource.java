package org.linkage.notification.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import org.linkage.notification.api.LoginCodeRequest;
import org.linkage.notification.api.LoginCodeResponse;
import org.linkage.notification.domain.NotificationChannel;
import org.linkage.notification.mapping.ReachMapper;
import org.linkage.notification.service.LoginCodeService;

@Path("/api/v1/login-codes")
@Tag(name = "Login codes", description = "SMS one-time codes of the phone-number login at the identity provider")
@Produces(MediaType.APPLICATION_JSON)
public class LoginCodeResource {

    private final LoginCodeService service;

    LoginCodeResource(LoginCodeService service) {
        this.service = service;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.IDENTITY_PROVIDER)
    @Operation(operationId = "textLoginCode", summary = "Text a login code to a mobile number",
            description = "Called by the identity provider's phone-number login (the Keycloak authenticator in "
                    + "deploy/keycloak-sms-login), never by the app: the provider generates the code, keeps only its "
                    + "hash and counts the attempts; this service texts it through the registered LOGIN_CODE "
                    + "template of the SMS providers, with their failover. One number gets at most one code a "
                    + "minute, 5 an hour and 10 a day, whoever asks (429 with Retry-After). Sent at once, never "
                    + "queued: when no provider takes it the answer is 503.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "Login code", value = """
            {"phoneNumber": "+8613800138000", "code": "418207", "validMinutes": 5}""")))
    @APIResponse(responseCode = "202", description = "A provider accepted the text",
            content = @Content(schema = @Schema(implementation = LoginCodeResponse.class)))
    @APIResponse(responseCode = "400", description = "Not a mainland China mobile number, a code that is not six "
            + "digits, or a validity outside 1–30 minutes; the problem names the field")
    @APIResponse(responseCode = "422", description = "The provider refused the number (e.g. a blacklisted one)")
    @APIResponse(responseCode = "429", description = "The number had its codes for now; Retry-After says when")
    @APIResponse(responseCode = "503", description = "No SMS provider can take the text now")
    public Response text(@Valid @NotNull LoginCodeRequest request) {
        LoginCodeService.Sent sent = service.send(request.phoneNumber(), request.code(), request.validMinutes());
        return Response.accepted(new LoginCodeResponse(ReachMapper.masked(NotificationChannel.SMS, sent.phoneNumber()),
                sent.provider())).build();
    }
}
