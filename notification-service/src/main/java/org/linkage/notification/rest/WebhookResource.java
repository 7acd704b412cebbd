package org.linkage.notification.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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
import org.linkage.chassis.idempotency.IdempotencyKeys;
import org.linkage.chassis.problem.ProblemException;
import org.linkage.chassis.security.CurrentUser;
import org.linkage.chassis.security.Roles;
import org.linkage.chassis.security.Scopes;
import org.linkage.chassis.web.Page;
import org.linkage.notification.api.WebhookDeliveryResponse;
import org.linkage.notification.api.WebhookEventTypesResponse;
import org.linkage.notification.api.WebhookRequest;
import org.linkage.notification.api.WebhookResponse;
import org.linkage.notification.api.WebhookSecretRequest;
import org.linkage.notification.domain.DeliveryStatus;
import org.linkage.notification.domain.WebhookCatalogue;
import org.linkage.notification.domain.WebhookDelivery;
import org.linkage.notification.domain.WebhookSubscription;
import org.linkage.notification.mapping.WebhookMapper;
import org.linkage.notification.repository.WebhookDeliveryRepository;
import org.linkage.notification.service.WebhookService;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/webhooks")
@Tag(name = "Webhooks", description = "Integrators' subscriptions to events, and the signed deliveries made for them")
@Produces(MediaType.APPLICATION_JSON)
public class WebhookResource {

    private static final String OWNER = "The integrator: for an integrator always itself (the token's subject), so "
            + "it may be left out; an admin must name it";
    private static final String STATUSES = "PENDING|SENT|FAILED";

    private final WebhookService service;
    private final CurrentUser user;

    WebhookResource(WebhookService service, CurrentUser user) {
        this.service = service;
        this.user = user;
    }

    /** An integrator (with the scope) manages only its own subscriptions; an admin names whose. */
    private String ownerFor(String requested) {
        user.requireScopeIfIntegrator(Scopes.WEBHOOKS_MANAGE);
        if (user.isIntegrator()) {
            if (requested != null && !requested.equals(user.subject())) {
                throw ProblemException.forbidden("These are another integrator's subscriptions");
            }
            return user.subject();
        }
        if (requested == null || requested.isBlank()) {
            throw ProblemException.invalid("owner", "must name the integrator");
        }
        return requested;
    }

    private WebhookSubscription owned(UUID id) {
        user.requireScopeIfIntegrator(Scopes.WEBHOOKS_MANAGE);
        WebhookSubscription subscription = service.find(id)
                .orElseThrow(() -> ProblemException.notFound("Webhook", id));
        if (user.isIntegrator() && !subscription.owner.equals(user.subject())) {
            throw ProblemException.forbidden("This subscription belongs to another integrator");
        }
        return subscription;
    }

    @GET
    @Path("/event-types")
    @RolesAllowed({Roles.INTEGRATOR, Roles.ADMIN})
    @Operation(operationId = "listWebhookEventTypes", summary = "List the event types a webhook may subscribe to",
            description = "The event types a webhook subscription may name, each with a short description and a link "
                    + "to its JSON Schema.")
    @APIResponse(responseCode = "200", description = "The event types",
            content = @Content(schema = @Schema(implementation = WebhookEventTypesResponse.class)))
    @APIResponse(responseCode = "403", description = "An integrator without the scope webhooks:manage")
    public WebhookEventTypesResponse eventTypes() {
        user.requireScopeIfIntegrator(Scopes.WEBHOOKS_MANAGE);
        return new WebhookEventTypesResponse(WebhookCatalogue.all());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.INTEGRATOR, Roles.ADMIN})
    @Operation(operationId = "createWebhook", summary = "Subscribe a URL to event types",
            description = "Every later event of those types that belongs to the integrator (the matching of the "
                    + "needs it raised) is POSTed to the URL as its JSON envelope, cut down to ids, category, "
                    + "urgency, window and an area of about a kilometre, with the "
                    + "headers Linkage-Event-Id, Linkage-Event-Type, Linkage-Delivery-Id and Linkage-Signature: "
                    + "t=<unix seconds>,v1=<hex HMAC-SHA256 with the secret over t + \".\" + body>. Any 2xx answer "
                    + "counts as received; otherwise it is retried with exponential backoff and jitter, then marked "
                    + "FAILED. A retry with the same Idempotency-Key returns the subscription the first created.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "accepted offers", value = """
            {"url": "https://city-platform.example.cn/linkage", "eventTypes": ["AssignmentAccepted"],
             "secret": "9b1e3c0f6a4d4e2b8c7f5a1d3e9b2c4f", "description": "City platform: accepted offers"}""")))
    @APIResponse(responseCode = "201", description = "Subscribed",
            content = @Content(schema = @Schema(implementation = WebhookResponse.class)))
    @APIResponse(responseCode = "400", description = "A URL that is not http(s), an unknown event type, a secret "
            + "shorter than 32 characters, or an admin naming no owner")
    @APIResponse(responseCode = "422", description = "A URL the suite does not send to (violation on url): not https "
            + "in production, one of the suite's own hosts, or a loopback, link-local, private, shared, "
            + "multicast or unspecified address; or an Idempotency-Key used for a different request")
    @APIResponse(responseCode = "403", description = "Another integrator as owner, or no scope webhooks:manage")
    @APIResponse(responseCode = "409", description = "A request with the same Idempotency-Key is in progress")
    public Response create(@QueryParam("owner") @Size(max = 100)
                           @Parameter(description = OWNER, example = "city-platform") String owner,
                           @Valid @NotNull WebhookRequest request,
                           @Parameter(description = "Makes retries safe: the same key returns the same subscription")
                           @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
                           @Context UriInfo uriInfo) {
        WebhookSubscription subscription = service.subscribe(ownerFor(owner), request, idempotencyKey);
        return Response.created(uriInfo.getAbsolutePathBuilder().path(subscription.id.toString()).build())
                .entity(WebhookMapper.toResponse(subscription))
                .build();
    }

    @GET
    @RolesAllowed({Roles.INTEGRATOR, Roles.ADMIN})
    @Operation(operationId = "listWebhooks", summary = "List subscriptions",
            description = "Newest first. An integrator sees its own; an admin sees every integrator's, or one "
                    + "integrator's when naming the owner.")
    @APIResponse(responseCode = "200", description = "One page of subscriptions")
    @APIResponse(responseCode = "400", description = "Invalid paging")
    @APIResponse(responseCode = "403", description = "Another integrator as owner, or no scope webhooks:manage")
    public Page<WebhookResponse> list(@QueryParam("owner") @Size(max = 100)
                                      @Parameter(description = "The integrator whose subscriptions to list: for an "
                                              + "integrator always itself; an admin naming none sees all",
                                              example = "city-platform") String owner,
                                      @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                      @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        boolean everyOwner = !user.isIntegrator() && (owner == null || owner.isBlank());
        return service.list(everyOwner ? null : ownerFor(owner), page, size).map(WebhookMapper::toResponse);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.INTEGRATOR, Roles.ADMIN})
    @Operation(operationId = "getWebhook", summary = "Read a subscription",
            description = "One of the caller's webhook subscriptions: URL, event types and when it was created. The "
                    + "signing secret is never shown again after creation.")
    @APIResponse(responseCode = "200", description = "The subscription",
            content = @Content(schema = @Schema(implementation = WebhookResponse.class)))
    @APIResponse(responseCode = "403", description = "Another integrator's subscription, or no scope webhooks:manage")
    @APIResponse(responseCode = "404", description = "No such subscription")
    public WebhookResponse get(@PathParam("id") UUID id) {
        return WebhookMapper.toResponse(owned(id));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Roles.INTEGRATOR, Roles.ADMIN})
    @Operation(operationId = "deleteWebhook", summary = "End a subscription",
            description = "Its pending deliveries are dropped with it, and its delivery records.")
    @APIResponse(responseCode = "204", description = "Ended")
    @APIResponse(responseCode = "403", description = "Another integrator's subscription, or no scope webhooks:manage")
    @APIResponse(responseCode = "404", description = "No such subscription")
    public void delete(@PathParam("id") UUID id) {
        service.unsubscribe(owned(id).id);
    }

    @POST
    @Path("/{id}/secret")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.INTEGRATOR, Roles.ADMIN})
    @Operation(operationId = "rotateWebhookSecret", summary = "Replace a subscription's signing secret",
            description = "From now on deliveries are signed with the new secret. During the overlap (overlapMinutes, "
                    + "default a day) the old secret signs too: Linkage-Signature then carries two v1 values, the new "
                    + "one first, so a receiver holding either secret accepts the delivery. After the overlap only "
                    + "the new secret signs.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "a day's overlap", value = """
            {"secret": "4c7e1a9f2b8d4e6a0c3f5b7d9e1a2c4e", "overlapMinutes": 1440}""")))
    @APIResponse(responseCode = "200", description = "Rotated; the secret is not returned",
            content = @Content(schema = @Schema(implementation = WebhookResponse.class)))
    @APIResponse(responseCode = "400", description = "A secret shorter than 32 characters or equal to the current "
            + "one, or an overlap outside 0-10080 minutes")
    @APIResponse(responseCode = "403", description = "Another integrator's subscription, or no scope webhooks:manage")
    @APIResponse(responseCode = "404", description = "No such subscription")
    public WebhookResponse rotateSecret(@PathParam("id") UUID id, @Valid @NotNull WebhookSecretRequest request) {
        int minutes = request.overlapMinutes() == null ? WebhookSecretRequest.DEFAULT_OVERLAP_MINUTES
                : request.overlapMinutes();
        return WebhookMapper.toResponse(service.rotateSecret(owned(id).id, request.secret(),
                Duration.ofMinutes(minutes)));
    }

    @GET
    @Path("/{id}/deliveries")
    @RolesAllowed({Roles.INTEGRATOR, Roles.ADMIN})
    @Operation(operationId = "listWebhookDeliveries", summary = "List a subscription's deliveries with their attempts",
            description = "Newest first; status narrows to PENDING, SENT or FAILED.")
    @APIResponse(responseCode = "200", description = "One page of deliveries")
    @APIResponse(responseCode = "400", description = "An unknown status, or invalid paging")
    @APIResponse(responseCode = "403", description = "Another integrator's subscription, or no scope webhooks:manage")
    @APIResponse(responseCode = "404", description = "No such subscription")
    public Page<WebhookDeliveryResponse> deliveries(@PathParam("id") UUID id,
                                                    @QueryParam("status")
                                                    @Pattern(regexp = STATUSES, message = "must be one of " + STATUSES)
                                                    @Parameter(schema = @Schema(implementation = DeliveryStatus.class))
                                                    String status,
                                                    @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                                    @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        owned(id);
        Page<WebhookDelivery> found = service.deliveries(new WebhookDeliveryRepository.Filter(id,
                status == null ? null : DeliveryStatus.valueOf(status)), page, size);
        var attempts = service.attempts(found.items());
        return found.map(delivery -> WebhookMapper.toResponse(delivery, attempts));
    }

    @GET
    @Path("/{id}/deliveries/{deliveryId}")
    @RolesAllowed({Roles.INTEGRATOR, Roles.ADMIN})
    @Operation(operationId = "getWebhookDelivery", summary = "Read a delivery with its attempts",
            description = "One delivery of an event to the subscription, with its state and every attempt (time, "
                    + "status code or a short error category); the receiver's answers are never stored.")
    @APIResponse(responseCode = "200", description = "The delivery",
            content = @Content(schema = @Schema(implementation = WebhookDeliveryResponse.class)))
    @APIResponse(responseCode = "403", description = "Another integrator's subscription, or no scope webhooks:manage")
    @APIResponse(responseCode = "404", description = "No such delivery of this subscription")
    public WebhookDeliveryResponse delivery(@PathParam("id") UUID id, @PathParam("deliveryId") UUID deliveryId) {
        owned(id);
        return service.delivery(id, deliveryId).map(this::withAttempts)
                .orElseThrow(() -> ProblemException.notFound("Webhook delivery", deliveryId));
    }

    @POST
    @Path("/{id}/deliveries/{deliveryId}/redeliver")
    @RolesAllowed({Roles.INTEGRATOR, Roles.ADMIN})
    @Operation(operationId = "redeliverWebhookDelivery", summary = "Deliver an event again",
            description = "Makes the delivery due now with a fresh round of attempts, whatever its status; earlier "
                    + "attempts stay in its log. No request body.")
    @APIResponse(responseCode = "202", description = "Due now; the delivery as it is now",
            content = @Content(schema = @Schema(implementation = WebhookDeliveryResponse.class)))
    @APIResponse(responseCode = "403", description = "Another integrator's subscription, or no scope webhooks:manage")
    @APIResponse(responseCode = "404", description = "No such delivery of this subscription")
    public Response redeliver(@PathParam("id") UUID id, @PathParam("deliveryId") UUID deliveryId) {
        owned(id);
        return service.redeliver(id, deliveryId)
                .map(delivery -> Response.accepted(withAttempts(delivery)).build())
                .orElseThrow(() -> ProblemException.notFound("Webhook delivery", deliveryId));
    }

    private WebhookDeliveryResponse withAttempts(WebhookDelivery delivery) {
        return WebhookMapper.toResponse(delivery, service.attempts(List.of(delivery)));
    }
}
