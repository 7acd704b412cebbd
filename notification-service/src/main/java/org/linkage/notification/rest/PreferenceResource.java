package org.linkage.notification.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
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
import org.linkage.notification.api.PreferencesRequest;
import org.linkage.notification.api.PreferencesResponse;
import org.linkage.notification.mapping.PreferenceMapper;
import org.linkage.notification.service.PreferenceService;

@Path("/api/v1/recipients/{recipient}/preferences")
@Tag(name = "Preferences", description = "Per person: channels per kind, language, quiet hours, where to deliver")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PreferenceResource {

    private static final String RECIPIENT = "The caller's own id (the access token's subject): a volunteer id or a "
            + "social worker's account";

    private final PreferenceService service;
    private final CurrentUser user;

    PreferenceResource(PreferenceService service, CurrentUser user) {
        this.service = service;
        this.user = user;
    }

    /** Preferences hold contact data: each person reads and sets only their own; admins anyone's. */
    private void requireSelfOrAdmin(String recipient) {
        if (!user.isAdmin() && !recipient.equals(user.id())) {
            throw ProblemException.forbidden("These are someone else's preferences");
        }
    }

    @GET
    @RolesAllowed({Roles.VOLUNTEER, Roles.SOCIAL_WORKER, Roles.ADMIN})
    @Operation(operationId = "getPreferences", summary = "Read how a person is told",
            description = "A person who never set preferences gets the defaults: every kind in the inbox only, "
                    + "zh-CN, no quiet hours.")
    @APIResponse(responseCode = "200", description = "The preferences",
            content = @Content(schema = @Schema(implementation = PreferencesResponse.class)))
    @APIResponse(responseCode = "400", description = "A recipient longer than 100 characters")
    @APIResponse(responseCode = "403", description = "Someone else's preferences")
    public PreferencesResponse get(@PathParam("recipient") @Size(max = 100)
                                   @Parameter(description = RECIPIENT, example = "sw-zhang") String recipient) {
        requireSelfOrAdmin(recipient);
        return PreferenceMapper.toResponse(service.of(recipient));
    }

    @PUT
    @RolesAllowed({Roles.VOLUNTEER, Roles.SOCIAL_WORKER, Roles.ADMIN})
    @Operation(operationId = "replacePreferences", summary = "Set how a person is told",
            description = "Replaces all preferences; what is left out takes its default.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "sms for offers, quiet at night", value = """
            {"channels": {"OFFER_RECEIVED": ["IN_APP", "SMS"], "NEED_UNMATCHED": ["IN_APP", "EMAIL"]},
             "language": "zh-CN", "quietHours": {"start": "22:00:00", "end": "07:00:00"},
             "email": "zhang.wei@example.com", "phone": "13812345678"}""")))
    @APIResponse(responseCode = "200", description = "The preferences as they are now",
            content = @Content(schema = @Schema(implementation = PreferencesResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid input, a channel without its address, or a recipient "
            + "longer than 100 characters, or an essential kind unsubscribed")
    @APIResponse(responseCode = "403", description = "Someone else's preferences")
    public PreferencesResponse replace(@PathParam("recipient") @Size(max = 100)
                                       @Parameter(description = RECIPIENT, example = "sw-zhang") String recipient,
                                       @Valid @NotNull PreferencesRequest request) {
        requireSelfOrAdmin(recipient);
        return PreferenceMapper.toResponse(service.replace(recipient, request));
    }
}
