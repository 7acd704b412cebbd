package org.linkage.notification.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.linkage.chassis.problem.ProblemException;
import org.linkage.chassis.security.CurrentUser;
import org.linkage.chassis.security.Roles;
import org.linkage.notification.api.DeviceRequest;
import org.linkage.notification.api.DeviceResponse;
import org.linkage.notification.mapping.DeviceMapper;
import org.linkage.notification.service.DeviceService;

import java.util.List;
import java.util.UUID;

@Path("/api/v1/recipients/{recipient}/devices")
@Tag(name = "Devices", description = "The phones a person's app runs on, reached by push (APNs, FCM, Huawei Push Kit)")
@Produces(MediaType.APPLICATION_JSON)
public class DeviceResource {

    private static final String RECIPIENT = "The caller's own id (the access token's subject): a volunteer id or a "
            + "social worker's account";

    private final DeviceService service;
    private final CurrentUser user;

    DeviceResource(DeviceService service, CurrentUser user) {
        this.service = service;
        this.user = user;
    }

    /** Each person manages only their own phones; admins may list and remove anyone's (never register). */
    private void requireSelfOrAdmin(String recipient) {
        if (!user.isAdmin() && !recipient.equals(user.id())) {
            throw ProblemException.forbidden("These are someone else's devices");
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.VOLUNTEER, Roles.SOCIAL_WORKER, Roles.ADMIN})
    @Operation(operationId = "registerDevice", summary = "Register the app on a phone for push",
            description = "Call it at every start of the app and whenever the platform issues a new token. The same "
                    + "token registered again refreshes the device (200); registered by someone else it moves to the "
                    + "caller (201), so a shared phone reaches only whoever uses it now. Registering is idempotent "
                    + "by token, so no Idempotency-Key is needed. A person keeps at most 10 devices: one more drops "
                    + "the one registered longest ago.")
    @RequestBody(content = @Content(examples = {
            @ExampleObject(name = "iPhone", value = """
                    {"platform": "IOS", "route": "APNS",
                     "token": "8f3c1d2e4b5a69788f3c1d2e4b5a69788f3c1d2e4b5a69788f3c1d2e4b5a6978",
                     "appVersion": "2.4.1", "locale": "zh-CN"}"""),
            @ExampleObject(name = "Huawei phone", value = """
                    {"platform": "ANDROID", "route": "HUAWEI",
                     "token": "IQAAAACy0kYeAAAvE3n5y8oZcqjhPx1Uv6Kq3g2mqS0vJmXq9xW1cN4VJb7m2kZ8aQ",
                     "appVersion": "2.4.1", "locale": "zh-CN"}""")}))
    @APIResponse(responseCode = "201", description = "Registered for the caller",
            content = @Content(schema = @Schema(implementation = DeviceResponse.class)))
    @APIResponse(responseCode = "200", description = "Already the caller's: refreshed",
            content = @Content(schema = @Schema(implementation = DeviceResponse.class)))
    @APIResponse(responseCode = "400", description = "An unknown platform or route, a route that does not reach "
            + "the platform, a token not in the route's format, or a bad app version or locale; the problem names "
            + "the field")
    @APIResponse(responseCode = "403", description = "Someone else's devices")
    public Response register(@PathParam("recipient") @Size(max = 100)
                             @Parameter(description = RECIPIENT, example = "sw-zhang") String recipient,
                             @Valid @NotNull DeviceRequest request,
                             @Context UriInfo uriInfo) {
        if (!recipient.equals(user.id())) {
            throw ProblemException.forbidden("A device is registered by the person using it");
        }
        DeviceService.Registration registration = service.register(recipient, request);
        DeviceResponse body = DeviceMapper.toResponse(registration.device());
        return registration.created()
                ? Response.created(uriInfo.getAbsolutePathBuilder().path(body.id().toString()).build())
                        .entity(body).build()
                : Response.ok(body).build();
    }

    @GET
    @RolesAllowed({Roles.VOLUNTEER, Roles.SOCIAL_WORKER, Roles.ADMIN})
    @Operation(operationId = "listDevices", summary = "List a person's devices",
            description = "The most recently registered first; tokens are shown by their last six characters only.")
    @APIResponse(responseCode = "200", description = "The devices", content = @Content(
            schema = @Schema(type = SchemaType.ARRAY, implementation = DeviceResponse.class)))
    @APIResponse(responseCode = "400", description = "A recipient longer than 100 characters")
    @APIResponse(responseCode = "403", description = "Someone else's devices")
    public List<DeviceResponse> list(@PathParam("recipient") @Size(max = 100)
                                     @Parameter(description = RECIPIENT, example = "sw-zhang") String recipient) {
        requireSelfOrAdmin(recipient);
        return service.of(recipient).stream().map(DeviceMapper::toResponse).toList();
    }

    @DELETE
    @Path("/{deviceId}")
    @RolesAllowed({Roles.VOLUNTEER, Roles.SOCIAL_WORKER, Roles.ADMIN})
    @Operation(operationId = "removeDevice", summary = "Stop pushing to a device",
            description = "On logout, or from another phone. Its pending pushes fail as undeliverable.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "403", description = "Someone else's devices")
    @APIResponse(responseCode = "404", description = "No such device of this person")
    public void remove(@PathParam("recipient") @Size(max = 100)
                       @Parameter(description = RECIPIENT, example = "sw-zhang") String recipient,
                       @PathParam("deviceId") UUID deviceId) {
        requireSelfOrAdmin(recipient);
        if (!service.remove(recipient, deviceId)) {
            throw ProblemException.notFound("Device", deviceId);
        }
    }
}
