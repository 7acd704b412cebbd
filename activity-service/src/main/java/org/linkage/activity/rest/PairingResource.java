package org.linkage.activity.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
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
import org.linkage.activity.api.PairingActivationRequest;
import org.linkage.activity.api.PairingConsentRequest;
import org.linkage.activity.api.PairingResponse;
import org.linkage.activity.api.RePairingRequest;
import org.linkage.activity.api.ReasonRequest;
import org.linkage.activity.api.ReviewRequest;
import org.linkage.activity.api.ReviewResponse;
import org.linkage.activity.api.SessionAddressResponse;
import org.linkage.activity.api.SessionCheckRequest;
import org.linkage.activity.api.SessionCodeRequest;
import org.linkage.activity.api.SessionRequest;
import org.linkage.activity.api.SessionResponse;
import org.linkage.activity.api.StationCodeResponse;
import org.linkage.activity.domain.Beneficiary;
import org.linkage.activity.domain.Pairing;
import org.linkage.activity.domain.PairingReview;
import org.linkage.activity.domain.PairingSession;
import org.linkage.activity.domain.StationCode;
import org.linkage.activity.mapping.PairingMapper;
import org.linkage.activity.service.Access;
import org.linkage.activity.service.BeneficiaryService;
import org.linkage.activity.service.PairingService;
import org.linkage.activity.service.PairingSessionService;
import org.linkage.chassis.problem.ProblemException;
import org.linkage.chassis.security.Roles;
import org.linkage.chassis.time.DatabaseClock;
import org.linkage.chassis.web.Coordinates;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * One-to-one pairings of a beneficiary with a volunteer, from matching's proposal to their end: the responsible
 * social worker confirms, records the guardian's consent, activates, schedules and confirms sessions; the volunteer
 * accepts. (matching-service's /api/v1/pairings computes proposals; this is where they are followed.)
 */
@Path("/api/v1/one-to-one-pairings")
@Tag(name = "One-to-one pairings", description = "The lifecycle of a pairing and its sessions")
@Produces(MediaType.APPLICATION_JSON)
public class PairingResource {

    private static final String RESPONSIBLE = "Not the beneficiary's community, or a child's pairing and not its "
            + "responsible social worker";

    private final PairingService pairings;
    private final PairingSessionService sessions;
    private final BeneficiaryService beneficiaries;
    private final Access access;

    PairingResource(PairingService pairings, PairingSessionService sessions, BeneficiaryService beneficiaries,
                    Access access) {
        this.pairings = pairings;
        this.sessions = sessions;
        this.beneficiaries = beneficiaries;
        this.access = access;
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.VOLUNTEER, Roles.SOCIAL_WORKER, Roles.ADMIN})
    @Operation(operationId = "getOneToOnePairing", summary = "Read a pairing",
            description = "For the paired volunteer (without the name of who consented) and the staff who manage "
                    + "it; a child's pairing only for the responsible social worker.")
    @APIResponse(responseCode = "200", description = "The pairing",
            content = @Content(schema = @Schema(implementation = PairingResponse.class)))
    @APIResponse(responseCode = "403", description = "Neither the paired volunteer nor " + RESPONSIBLE)
    @APIResponse(responseCode = "404", description = "No such pairing")
    public PairingResponse get(@PathParam("id") UUID id) {
        Pairing pairing = pairings.require(id);
        access.readPairing(pairing, pairings.beneficiaryOf(pairing));
        return response(pairing);
    }

    @GET
    @RolesAllowed({Roles.VOLUNTEER, Roles.SOCIAL_WORKER, Roles.ADMIN})
    @Operation(operationId = "listOneToOnePairings", summary = "List a beneficiary's or a volunteer's pairings",
            description = "By beneficiary: every pairing, ended ones included, newest first (the continuity "
                    + "history), for the staff who manage them. By volunteer: the volunteer's own (staff: those of "
                    + "their community), ended ones only when asked.")
    @APIResponse(responseCode = "200", description = "The pairings, newest first")
    @APIResponse(responseCode = "400", description = "Neither beneficiaryId nor volunteerId given")
    @APIResponse(responseCode = "403", description = "Another volunteer's, or " + RESPONSIBLE)
    @APIResponse(responseCode = "404", description = "No such beneficiary")
    public List<PairingResponse> list(@QueryParam("beneficiaryId") UUID beneficiaryId,
                                      @QueryParam("volunteerId") UUID volunteerId,
                                      @Parameter(description = "Include ended pairings (by volunteer)")
                                      @QueryParam("withEnded") @DefaultValue("false") boolean withEnded) {
        if (beneficiaryId != null) {
            if (access.user().isVolunteer()) {
                throw ProblemException.forbidden("A volunteer lists their own pairings by volunteerId");
            }
            Beneficiary beneficiary = beneficiaries.require(beneficiaryId);
            access.beneficiary(beneficiary, "pairing history");
            return pairings.ofBeneficiary(beneficiaryId).stream().map(this::response).toList();
        }
        if (volunteerId == null) {
            throw ProblemException.invalid("beneficiaryId", "or volunteerId must be given");
        }
        access.self(volunteerId);
        return pairings.ofVolunteer(volunteerId, withEnded).stream()
                .filter(pairing -> access.user().isVolunteer() || access.user().servesCommunity(pairing.community))
                .map(this::response).toList();
    }

    @POST
    @Path("/{id}/confirmation")
    @RolesAllowed({Roles.SOCIAL_WORKER, Roles.ADMIN})
    @Operation(operationId = "confirmOneToOnePairing", summary = "Confirm a proposed pairing",
            description = "The beneficiary's responsible social worker confirms matching's proposal "
                    + "(PairingConfirmed); the guardian's consent comes next.")
    @APIResponse(responseCode = "200", description = "CONFIRMED",
            content = @Content(schema = @Schema(implementation = PairingResponse.class)))
    @APIResponse(responseCode = "403", description = RESPONSIBLE)
    @APIResponse(responseCode = "404", description = "No such pairing")
    @APIResponse(responseCode = "409", description = "Not PROPOSED")
    public PairingResponse confirm(@PathParam("id") UUID id) {
        return refusalsAudited(id, "confirm", () -> {
            manage(id);
            return response(pairings.confirm(id, access.user().subject()));
        });
    }

    @POST
    @Path("/{id}/consent")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SOCIAL_WORKER, Roles.ADMIN})
    @Operation(operationId = "recordPairingConsent", summary = "Record the consent to a pairing",
            description = "Who consented, in what relation, when and how (PairingConsentRecorded, without the name). "
                    + "For a minor (under 18 by birth date) only the guardian on the child's record may consent.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "the mother signs", value = """
            {"givenBy": "王丽", "relation": "GUARDIAN", "method": "SIGNED_FORM",
             "givenAt": "2026-12-05T02:00:00Z"}""")))
    @APIResponse(responseCode = "200", description = "CONSENTED",
            content = @Content(schema = @Schema(implementation = PairingResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid input")
    @APIResponse(responseCode = "403", description = RESPONSIBLE)
    @APIResponse(responseCode = "404", description = "No such pairing")
    @APIResponse(responseCode = "409", description = "Not CONFIRMED")
    @APIResponse(responseCode = "422", description = "A minor's own consent, or givenBy is not the child's guardian")
    public PairingResponse recordConsent(@PathParam("id") UUID id, PairingConsentRequest request) {
        return refusalsAudited(id, "record the consent", () -> {
            manage(id);
            return response(pairings.recordConsent(id, request, access.user().subject()));
        });
    }

    @POST
    @Path("/{id}/consent/revocation")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SOCIAL_WORKER, Roles.ADMIN})
    @Operation(operationId = "revokePairingConsent", summary = "Revoke the consent to a pairing",
            description = "The guardian withdrew their consent: the sessions still to come are cancelled "
                    + "(PairingSessionCancelled) and the pairing ends (PairingConsentRevoked, PairingEnded).")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "withdrawn by phone", value = """
            {"reason": "The mother withdrew the consent by phone"}""")))
    @APIResponse(responseCode = "200", description = "ENDED",
            content = @Content(schema = @Schema(implementation = PairingResponse.class)))
    @APIResponse(responseCode = "400", description = "No reason")
    @APIResponse(responseCode = "403", description = RESPONSIBLE)
    @APIResponse(responseCode = "404", description = "No such pairing")
    @APIResponse(responseCode = "409", description = "No consent in force")
    public PairingResponse revokeConsent(@PathParam("id") UUID id, ReasonRequest request) {
        return refusalsAudited(id, "revoke the consent", () -> {
            manage(id);
            return response(pairings.revokeConsent(id, request, access.user().subject()));
        });
    }

    @POST
    @Path("/{id}/acceptance")
    @RolesAllowed(Roles.VOLUNTEER)
    @Operation(operationId = "acceptOneToOnePairing", summary = "The volunteer accepts the pairing",
            description = "Once confirmed and consented (PairingAccepted).")
    @APIResponse(responseCode = "200", description = "ACCEPTED",
            content = @Content(schema = @Schema(implementation = PairingResponse.class)))
    @APIResponse(responseCode = "403", description = "Not the paired volunteer")
    @APIResponse(responseCode = "404", description = "No such pairing")
    @APIResponse(responseCode = "409", description = "Not CONSENTED")
    @APIResponse(responseCode = "422", description = "The consent is missing")
    public PairingResponse accept(@PathParam("id") UUID id) {
        return refusalsAudited(id, "accept", () -> {
            access.pairedVolunteer(pairings.require(id));
            return response(pairings.accept(id));
        });
    }

    @POST
    @Path("/{id}/activation")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SOCIAL_WORKER, Roles.ADMIN})
    @Operation(operationId = "activateOneToOnePairing", summary = "Start an accepted pairing for a period",
            description = "PairingActivated: matching offers the beneficiary's needs to this volunteer only. A "
                    + "volunteer holds at most linkage.pairings.max-active-per-volunteer active pairings, a "
                    + "beneficiary one.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "a school year", value = """
            {"startsOn": "2026-12-07", "endsOn": "2027-06-30"}""")))
    @APIResponse(responseCode = "200", description = "ACTIVE",
            content = @Content(schema = @Schema(implementation = PairingResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid period")
    @APIResponse(responseCode = "403", description = RESPONSIBLE)
    @APIResponse(responseCode = "404", description = "No such pairing")
    @APIResponse(responseCode = "409", description = "Not ACCEPTED, or the beneficiary is in another active pairing")
    @APIResponse(responseCode = "422", description = "The consent is missing, or the volunteer is at their limit")
    public PairingResponse activate(@PathParam("id") UUID id, PairingActivationRequest request) {
        return refusalsAudited(id, "activate", () -> {
            manage(id);
            return response(pairings.activate(id, request, access.user().subject()));
        });
    }

    @POST
    @Path("/{id}/ending")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SOCIAL_WORKER, Roles.ADMIN})
    @Operation(operationId = "endOneToOnePairing", summary = "End a pairing",
            description = "With a reason (PairingEnded); the sessions still to come are cancelled. Also declines a "
                    + "proposal.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "school year over", value = """
            {"reason": "The school year ended; the child moved to middle school"}""")))
    @APIResponse(responseCode = "200", description = "ENDED",
            content = @Content(schema = @Schema(implementation = PairingResponse.class)))
    @APIResponse(responseCode = "400", description = "No reason")
    @APIResponse(responseCode = "403", description = RESPONSIBLE)
    @APIResponse(responseCode = "404", description = "No such pairing")
    @APIResponse(responseCode = "409", description = "Ended already")
    public PairingResponse end(@PathParam("id") UUID id, ReasonRequest request) {
        return refusalsAudited(id, "end", () -> {
            manage(id);
            return response(pairings.end(id, request, access.user().subject()));
        });
    }

    @POST
    @Path("/{id}/re-pairing")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SOCIAL_WORKER, Roles.ADMIN})
    @Operation(operationId = "rePairOneToOnePairing", summary = "Re-pair the beneficiary with another volunteer",
            description = "Ends this pairing (PairingEnded naming its successor) and creates the successor, "
                    + "CONFIRMED (PairingConfirmed); it needs its own consent and acceptance. The history keeps both.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "volunteer left", value = """
            {"volunteerId": "5f0c6a8e-2b1d-4e53-9a44-0d7c1f3b2a10",
             "reason": "The volunteer went back to university"}""")))
    @APIResponse(responseCode = "201", description = "The new pairing",
            content = @Content(schema = @Schema(implementation = PairingResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid input, or the same volunteer")
    @APIResponse(responseCode = "403", description = RESPONSIBLE)
    @APIResponse(responseCode = "404", description = "No such pairing")
    @APIResponse(responseCode = "409", description = "Ended already")
    public Response rePair(@PathParam("id") UUID id, RePairingRequest request, @Context UriInfo uriInfo) {
        return refusalsAudited(id, "re-pair", () -> {
            manage(id);
            Pairing successor = pairings.rePair(id, request, access.user().subject());
            return Response.created(uriInfo.getBaseUriBuilder().path(PairingResource.class)
                    .path(successor.id.toString()).build()).entity(response(successor)).build();
        });
    }

    @POST
    @Path("/{id}/reviews")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SOCIAL_WORKER, Roles.ADMIN})
    @Operation(operationId = "reviewOneToOnePairing", summary = "Record the periodic review of a pairing",
            description = "How the active (or paused) pairing goes and when to look again (PairingReviewed, without "
                    + "the notes). The first review is due linkage.pairings.review-every after the first day.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "going well", value = """
            {"notes": "Reading has improved; the family is satisfied", "nextReviewOn": "2027-03-01"}""")))
    @APIResponse(responseCode = "201", description = "The review",
            content = @Content(schema = @Schema(implementation = ReviewResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid input, or the next review not after today")
    @APIResponse(responseCode = "403", description = RESPONSIBLE)
    @APIResponse(responseCode = "404", description = "No such pairing")
    @APIResponse(responseCode = "409", description = "Neither ACTIVE nor PAUSED")
    public Response review(@PathParam("id") UUID id, ReviewRequest request, @Context UriInfo uriInfo) {
        return refusalsAudited(id, "review", () -> {
            manage(id);
            PairingReview review = pairings.review(id, request, access.user().subject());
            return Response.created(uriInfo.getAbsolutePathBuilder().path(review.id.toString()).build())
                    .entity(PairingMapper.toResponse(review)).build();
        });
    }

    @GET
    @Path("/{id}/reviews")
    @RolesAllowed({Roles.SOCIAL_WORKER, Roles.ADMIN})
    @Operation(operationId = "listPairingReviews", summary = "List a pairing's reviews", description = "Newest first.")
    @APIResponse(responseCode = "200", description = "The reviews")
    @APIResponse(responseCode = "403", description = RESPONSIBLE)
    @APIResponse(responseCode = "404", description = "No such pairing")
    public List<ReviewResponse> reviews(@PathParam("id") UUID id) {
        manage(id);
        return pairings.reviewsOf(id).stream().map(PairingMapper::toResponse).toList();
    }

    @POST
    @Path("/{id}/sessions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SOCIAL_WORKER, Roles.ADMIN})
    @Operation(operationId = "scheduleSession", summary = "Schedule a session of an active pairing",
            description = "Tutoring at a station, a home visit or an outing, within the pairing's period "
                    + "(PairingSessionScheduled).")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "home visit", value = """
            {"kind": "HOME_VISIT", "startsAt": "2026-12-08T09:00:00Z", "endsAt": "2026-12-08T11:00:00Z"}""")))
    @APIResponse(responseCode = "201", description = "SCHEDULED",
            content = @Content(schema = @Schema(implementation = SessionResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid input")
    @APIResponse(responseCode = "403", description = RESPONSIBLE)
    @APIResponse(responseCode = "404", description = "No such pairing")
    @APIResponse(responseCode = "409", description = "The pairing is not ACTIVE")
    @APIResponse(responseCode = "422", description = "Outside the pairing's period, or a station of elsewhere")
    public Response schedule(@PathParam("id") UUID id, SessionRequest request, @Context UriInfo uriInfo) {
        return refusalsAudited(id, "schedule a session", () -> {
            manage(id);
            PairingSession session = sessions.schedule(id, request, access.user().subject());
            return Response.created(uriInfo.getAbsolutePathBuilder().path(session.id.toString()).build())
                    .entity(PairingMapper.toResponse(session)).build();
        });
    }

    @GET
    @Path("/{id}/sessions")
    @RolesAllowed({Roles.VOLUNTEER, Roles.SOCIAL_WORKER, Roles.ADMIN})
    @Operation(operationId = "listSessions", summary = "List a pairing's sessions", description = "Earliest first.")
    @APIResponse(responseCode = "200", description = "The sessions")
    @APIResponse(responseCode = "403", description = "Neither the paired volunteer nor " + RESPONSIBLE)
    @APIResponse(responseCode = "404", description = "No such pairing")
    public List<SessionResponse> sessions(@PathParam("id") UUID id) {
        Pairing pairing = pairings.require(id);
        access.readPairing(pairing, pairings.beneficiaryOf(pairing));
        return sessions.of(id).stream().map(PairingMapper::toResponse).toList();
    }

    @POST
    @Path("/{id}/sessions/{sessionId}/check-in")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SOCIAL_WORKER, Roles.ADMIN})
    @Operation(operationId = "checkInSession", summary = "Confirm the volunteer arrived",
            description = "From linkage.pairings.session-opens-before the start until the end; `at` defaults to "
                    + "now.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "arrived", value = """
            {"at": "2026-12-08T09:02:00Z"}""")))
    @APIResponse(responseCode = "200", description = "CHECKED_IN",
            content = @Content(schema = @Schema(implementation = SessionResponse.class)))
    @APIResponse(responseCode = "400", description = "A time in the future")
    @APIResponse(responseCode = "403", description = RESPONSIBLE)
    @APIResponse(responseCode = "404", description = "No such pairing or session")
    @APIResponse(responseCode = "409", description = "Not SCHEDULED, or the pairing is not ACTIVE")
    @APIResponse(responseCode = "422", description = "Outside the session")
    public SessionResponse checkIn(@PathParam("id") UUID id, @PathParam("sessionId") UUID sessionId,
                                   SessionCheckRequest request) {
        return refusalsAudited(id, "check in a session", () -> {
            manage(id);
            return PairingMapper.toResponse(sessions.checkIn(id, sessionId, orNow(request), access.user().subject()));
        });
    }

    @POST
    @Path("/{id}/sessions/{sessionId}/check-out")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SOCIAL_WORKER, Roles.ADMIN})
    @Operation(operationId = "checkOutSession", summary = "Confirm the volunteer left; credit the hours",
            description = "The time present, at most the session's length, is credited to the volunteer "
                    + "(PairingSessionCompleted, volunteer-service's hours ledger).")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "left", value = """
            {"at": "2026-12-08T10:58:00Z"}""")))
    @APIResponse(responseCode = "200", description = "COMPLETED",
            content = @Content(schema = @Schema(implementation = SessionResponse.class)))
    @APIResponse(responseCode = "400", description = "A time in the future")
    @APIResponse(responseCode = "403", description = RESPONSIBLE)
    @APIResponse(responseCode = "404", description = "No such pairing or session")
    @APIResponse(responseCode = "409", description = "Not CHECKED_IN")
    @APIResponse(responseCode = "422", description = "Not after the check-in")
    public SessionResponse checkOut(@PathParam("id") UUID id, @PathParam("sessionId") UUID sessionId,
                                    SessionCheckRequest request) {
        return refusalsAudited(id, "check out a session", () -> {
            manage(id);
            return PairingMapper.toResponse(sessions.checkOut(id, sessionId, orNow(request), access.user().subject()));
        });
    }

    @GET
    @Path("/{id}/sessions/{sessionId}/station-code")
    @RolesAllowed({Roles.SOCIAL_WORKER, Roles.ADMIN})
    @Operation(operationId = "getSessionStationCode", summary = "The code to show at the station for a session",
            description = "For a session held at a station (tutoring, an outing from it), from "
                    + "linkage.pairings.session-opens-before its start until as long after its end. It rotates: each "
                    + "code is accepted for a few minutes only; the paired volunteer checks in and out with it.")
    @APIResponse(responseCode = "200", description = "The current code",
            content = @Content(schema = @Schema(implementation = StationCodeResponse.class)))
    @APIResponse(responseCode = "403", description = RESPONSIBLE)
    @APIResponse(responseCode = "404", description = "No such pairing or session")
    @APIResponse(responseCode = "409", description = "A home visit, or outside the session")
    public StationCodeResponse sessionStationCode(@PathParam("id") UUID id, @PathParam("sessionId") UUID sessionId) {
        manage(id);
        StationCode code = sessions.stationCode(id, sessionId);
        return new StationCodeResponse(code.key.code(), code.expiresAt);
    }

    @POST
    @Path("/{id}/sessions/{sessionId}/station-check-in")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.VOLUNTEER)
    @Operation(operationId = "checkInSessionAtStation", summary = "Check in to a session with the station's code",
            description = "The paired volunteer, at the station, with the code shown there: being there is the "
                    + "confirmation (checkedInBy station-code). Wrong codes are counted; too many lock the session "
                    + "(429).")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "the code on the station's screen", value = """
            {"code": "482913"}""")))
    @APIResponse(responseCode = "200", description = "CHECKED_IN",
            content = @Content(schema = @Schema(implementation = SessionResponse.class)))
    @APIResponse(responseCode = "400", description = "No code")
    @APIResponse(responseCode = "403", description = "Not the paired volunteer")
    @APIResponse(responseCode = "404", description = "No such pairing or session")
    @APIResponse(responseCode = "409", description = "Not SCHEDULED, a home visit, or outside the session")
    @APIResponse(responseCode = "422", description = "A wrong or expired code, or the volunteer no longer fit for "
            + "work with children")
    @APIResponse(responseCode = "429", description = "Too many wrong codes")
    public SessionResponse checkInAtStation(@PathParam("id") UUID id, @PathParam("sessionId") UUID sessionId,
                                            SessionCodeRequest request) {
        return refusalsAudited(id, "check in a session at the station", () -> {
            access.pairedVolunteer(pairings.require(id));
            return PairingMapper.toResponse(sessions.checkInAtStation(id, sessionId, request));
        });
    }

    @POST
    @Path("/{id}/sessions/{sessionId}/station-check-out")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.VOLUNTEER)
    @Operation(operationId = "checkOutSessionAtStation", summary = "Check out of a session with the station's code",
            description = "The paired volunteer, at the station, with the code shown there, until "
                    + "linkage.pairings.session-opens-before after the end. The time present, at most the session's "
                    + "length, is credited (PairingSessionCompleted, confirmedBy station-code).")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "the code on the station's screen", value = """
            {"code": "482913"}""")))
    @APIResponse(responseCode = "200", description = "COMPLETED",
            content = @Content(schema = @Schema(implementation = SessionResponse.class)))
    @APIResponse(responseCode = "400", description = "No code")
    @APIResponse(responseCode = "403", description = "Not the paired volunteer")
    @APIResponse(responseCode = "404", description = "No such pairing or session")
    @APIResponse(responseCode = "409", description = "Not CHECKED_IN, a home visit, or outside the session")
    @APIResponse(responseCode = "422", description = "A wrong or expired code")
    @APIResponse(responseCode = "429", description = "Too many wrong codes")
    public SessionResponse checkOutAtStation(@PathParam("id") UUID id, @PathParam("sessionId") UUID sessionId,
                                             SessionCodeRequest request) {
        return refusalsAudited(id, "check out a session at the station", () -> {
            access.pairedVolunteer(pairings.require(id));
            return PairingMapper.toResponse(sessions.checkOutAtStation(id, sessionId, request));
        });
    }

    @POST
    @Path("/{id}/sessions/{sessionId}/cancellation")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SOCIAL_WORKER, Roles.ADMIN})
    @Operation(operationId = "cancelSession", summary = "Cancel a scheduled session",
            description = "PairingSessionCancelled.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "child ill", value = """
            {"reason": "The child is ill"}""")))
    @APIResponse(responseCode = "200", description = "CANCELLED",
            content = @Content(schema = @Schema(implementation = SessionResponse.class)))
    @APIResponse(responseCode = "400", description = "No reason")
    @APIResponse(responseCode = "403", description = RESPONSIBLE)
    @APIResponse(responseCode = "404", description = "No such pairing or session")
    @APIResponse(responseCode = "409", description = "Not SCHEDULED")
    public SessionResponse cancel(@PathParam("id") UUID id, @PathParam("sessionId") UUID sessionId,
                                  ReasonRequest request) {
        return refusalsAudited(id, "cancel a session", () -> {
            manage(id);
            if (request == null || request.reason() == null || request.reason().isBlank()) {
                throw ProblemException.invalid("reason", "must not be blank");
            }
            return PairingMapper.toResponse(sessions.cancel(id, sessionId, request.reason().strip()));
        });
    }

    @GET
    @Path("/{id}/sessions/{sessionId}/address")
    @RolesAllowed(Roles.VOLUNTEER)
    @Operation(operationId = "getSessionAddress", summary = "The child's address for a home visit",
            description = "Only the paired volunteer, only for a home visit, only from "
                    + "linkage.pairings.session-opens-before its start until its end; every read is audited.")
    @APIResponse(responseCode = "200", description = "The address",
            content = @Content(schema = @Schema(implementation = SessionAddressResponse.class)))
    @APIResponse(responseCode = "403", description = "Not the paired volunteer, not a home visit, or outside the "
            + "session's window")
    @APIResponse(responseCode = "404", description = "No such pairing or session")
    public SessionAddressResponse address(@PathParam("id") UUID id, @PathParam("sessionId") UUID sessionId) {
        Pairing pairing = access.pairedVolunteer(pairings.require(id));
        PairingSession session = sessions.require(id, sessionId);
        Instant now = DatabaseClock.now();
        if (!sessions.revealsAddress(session, now)) {
            throw ProblemException.forbidden("The address is shown for a home visit during its window only");
        }
        Beneficiary beneficiary = pairings.beneficiaryOf(pairing);
        access.audited(beneficiary.id, "home visit " + sessionId);
        return new SessionAddressResponse(sessionId, beneficiary.address,
                Coordinates.of(beneficiary.homeLatitude, beneficiary.homeLongitude), session.endsAt);
    }

    /**
     * Every refused step on a pairing (wrong state, missing consent, over the limit, another community's staff...) is
     * audited with who tried what: the refused change itself is rolled back, the audit line is written after it.
     */
    private <T> T refusalsAudited(UUID id, String action, Supplier<T> step) {
        try {
            return step.get();
        } catch (ProblemException refused) {
            access.refused("Pairing", id, action + " refused (" + refused.status() + "): " + refused.getMessage());
            throw refused;
        } catch (ConstraintViolationException invalid) {
            access.refused("Pairing", id, action + " refused (400): invalid " + invalid.getConstraintViolations()
                    .stream().map(violation -> violation.getPropertyPath().toString()).sorted().toList());
            throw invalid;
        }
    }

    private void manage(UUID id) {
        Pairing pairing = pairings.require(id);
        access.managePairing(pairing, pairings.beneficiaryOf(pairing));
    }

    private PairingResponse response(Pairing pairing) {
        return PairingMapper.toResponse(pairing, pairings.consentsOf(pairing.id), !access.user().isVolunteer());
    }

    private static SessionCheckRequest orNow(SessionCheckRequest request) {
        return request == null ? new SessionCheckRequest(null) : request;
    }
}
