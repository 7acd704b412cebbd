package org.linkage.volunteer.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
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
import org.linkage.chassis.i18n.Language;
import org.linkage.chassis.idempotency.IdempotencyKeys;
import org.linkage.chassis.problem.ProblemException;
import org.linkage.chassis.security.CurrentUser;
import org.linkage.chassis.security.Roles;
import org.linkage.chassis.tabular.SheetFormat;
import org.linkage.chassis.web.ETags;
import org.linkage.chassis.web.Page;
import org.linkage.volunteer.api.DutyRequest;
import org.linkage.volunteer.api.IdentityLinkRequest;
import org.linkage.volunteer.api.IdentityLinkResponse;
import org.linkage.volunteer.api.ImportReport;
import org.linkage.volunteer.api.InvitationResponse;
import org.linkage.volunteer.api.LivePositionConsentRequest;
import org.linkage.volunteer.api.LocationConsentRequest;
import org.linkage.volunteer.api.ProfileRequest;
import org.linkage.volunteer.api.RegisterVolunteerRequest;
import org.linkage.volunteer.api.SkillsRequest;
import org.linkage.volunteer.api.StatusRequest;
import org.linkage.volunteer.api.VolunteerResponse;
import org.linkage.volunteer.domain.Invitation;
import org.linkage.volunteer.domain.Volunteer;
import org.linkage.volunteer.domain.VolunteerStatus;
import org.linkage.volunteer.mapping.IdentityMapper;
import org.linkage.volunteer.mapping.VolunteerMapper;
import org.linkage.volunteer.repository.VolunteerRepository;
import org.linkage.volunteer.service.IdentityLinks;
import org.linkage.volunteer.service.Invitations;
import org.linkage.volunteer.service.VolunteerImport;
import org.linkage.volunteer.service.VolunteerService;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Path("/api/v1/volunteers")
@Tag(name = "Volunteers", description = "Volunteer profiles, skills, status and on-duty switch")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class VolunteerResource {

    private final CurrentUser user;
    private final VolunteerService service;
    private final VolunteerImport volunteerImport;
    private final IdentityLinks identityLinks;
    private final Invitations invitations;

    VolunteerResource(VolunteerService service, VolunteerImport volunteerImport, CurrentUser user,
                      IdentityLinks identityLinks, Invitations invitations) {
        this.service = service;
        this.volunteerImport = volunteerImport;
        this.user = user;
        this.identityLinks = identityLinks;
        this.invitations = invitations;
    }

    @POST
    @RolesAllowed({Roles.VOLUNTEER, Roles.SOCIAL_WORKER, Roles.ADMIN})
    @Operation(operationId = "registerVolunteer", summary = "Register a volunteer",
            description = "Publishes VolunteerRegistered. Staff register people who are ACTIVE at once, in the "
                    + "social worker's community, and who get an invitation code by SMS (InvitationIssued) to link "
                    + "their login; a person registering themselves is PENDING until staff approve them, and their "
                    + "login (the token's issuer and subject) is linked to the new volunteer at once (IdentityLinked). "
                    + "A retry with the same Idempotency-Key returns the volunteer the "
                    + "first request registered.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "rider", value = """
            {"name": "李明", "phone": "13812345678", "skills": ["first-aid"],
             "homeLocation": {"latitude": 31.2304, "longitude": 121.4737}, "locationConsent": true, "onDuty": true}""")))
    @APIResponse(responseCode = "201", description = "Registered",
            content = @Content(schema = @Schema(implementation = VolunteerResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid input")
    @APIResponse(responseCode = "409", description = "The phone, or the registering volunteer, is already registered")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for a different request, or a skill "
            + "was retired from the catalogue (naming the entry)")
    public Response register(RegisterVolunteerRequest request,
                             @Parameter(description = "Makes retries safe: the same key returns the same volunteer")
                             @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
                             @Context UriInfo uriInfo) {
        VolunteerService.Registrant registrant = user.isStaff()
                ? VolunteerService.Registrant.staff(user.id(), user.community().orElse(null))
                : VolunteerService.Registrant.self(user.linkedVolunteer().orElse(null), user.issuer(), user.subject());
        Volunteer volunteer = service.register(request, registrant, idempotencyKey);
        return Response.created(uriInfo.getAbsolutePathBuilder().path(volunteer.id.toString()).build())
                .tag(ETags.of(volunteer.version))
                .entity(VolunteerMapper.toResponse(volunteer))
                .build();
    }

    @POST
    @Path("/imports")
    // Spreadsheets are uploaded as text/csv, text/plain, an Excel type or octet-stream depending on the client: the
    // bytes tell CSV from .xlsx.
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.SOCIAL_WORKER, Roles.ADMIN})
    @Operation(operationId = "importVolunteers", summary = "Register volunteers from a CSV or .xlsx file",
            description = "A CSV file (UTF-8 with or without BOM, or GB18030/GBK as Excel saves \"CSV\" in China) "
                    + "or an .xlsx workbook (first sheet). Columns (header row, any order, Chinese or English): "
                    + "name/姓名, phone/手机号, skills/技能 (codes separated by ';'), and optionally "
                    + "community/社区 (the social worker's when blank), birthYear/出生年份, gender/性别 "
                    + "(FEMALE/女, MALE/男, OTHER), languages/语言 (';'). Each valid row registers an active "
                    + "volunteer, publishes VolunteerRegistered and sends an invitation code by SMS "
                    + "(InvitationIssued). All or nothing: one invalid row refuses the file with a 400 naming each "
                    + "row and column (rows[4].phone), unless partial=true, which registers the valid rows and "
                    + "reports the others. A row whose phone is registered already changes nothing, so importing "
                    + "the same file again creates no duplicates. At most 5000 rows.")
    @RequestBody(content = {
            @Content(mediaType = "text/csv", examples = @ExampleObject(name = "spreadsheet", value = """
                    姓名,手机号,技能,社区,出生年份,性别,语言
                    王芳,13812345678,elder-care;companionship,新华路社区,1968,女,zh
                    李强,13912345678,first-aid,番禺路社区,1990,男,zh;en""")),
            @Content(mediaType = SheetFormat.XLSX_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "200", description = "What became of each row",
            content = @Content(schema = @Schema(implementation = ImportReport.class)))
    @APIResponse(responseCode = "400", description = "Not CSV or .xlsx, an unsupported encoding, a header missing "
            + "a required column or naming an unknown one, too many rows, or (unless partial) an invalid row; "
            + "nothing is stored")
    public ImportReport importVolunteers(byte[] file,
                                         @QueryParam("partial") @DefaultValue("false") @Parameter(description =
                                                 "Register the valid rows even when others are invalid")
                                         boolean partial, @Context HttpHeaders headers) {
        return volunteerImport.importSheet(file, partial, user.id(), user.community().orElse(null))
                .inLanguage(Language.of(headers));
    }

    @GET
    @Path("/me")
    @RolesAllowed(Roles.VOLUNTEER)
    @Operation(operationId = "getMyVolunteerProfile", summary = "Read the calling volunteer's own record",
            description = "The volunteer record linked to the caller's login, with its version in the ETag header for"
                    + " a later conditional update. 404 until the caller registers or links an invitation.")
    @APIResponse(responseCode = "200", description = "The caller's volunteer record; the ETag header carries its version",
            content = @Content(schema = @Schema(implementation = VolunteerResponse.class)))
    @APIResponse(responseCode = "404", description = "The caller has not registered yet")
    public Response me() {
        UUID id = user.volunteerId();
        return current(id, service.find(id));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.VOLUNTEER, Roles.SOCIAL_WORKER, Roles.ADMIN})
    @Operation(operationId = "getVolunteer", summary = "Read a volunteer",
            description = "One volunteer's record; a volunteer reads only their own, staff those of their community. "
                    + "The ETag header carries the version for conditional updates (If-Match).")
    @APIResponse(responseCode = "200", description = "The volunteer; the ETag header carries its version",
            content = @Content(schema = @Schema(implementation = VolunteerResponse.class)))
    @APIResponse(responseCode = "404", description = "No such volunteer")
    public Response get(@PathParam("id") UUID id) {
        user.requireSelfOrStaff(id);
        return current(id, service.find(id));
    }

    @GET
    @RolesAllowed({Roles.SOCIAL_WORKER, Roles.ADMIN})
    @Operation(operationId = "listVolunteers", summary = "List and search volunteers",
            description = "Staff only. Filter by skill, certification (verified and in date), home community, "
                    + "status, on-duty, star level, team and free text in the name; no item carries a home location; "
                    + "sorted by createdAt (default) or name, descending with a leading '-'.")
    @APIResponse(responseCode = "200", description = "One page of volunteers")
    @APIResponse(responseCode = "400", description = "Invalid paging, sort or status")
    public Page<VolunteerResponse> list(@QueryParam("skill") @Parameter(example = "first-aid") String skill,
                                        @QueryParam("certification") @Parameter(example = "first-aid")
                                        String certification,
                                        @QueryParam("community") @Parameter(example = "新华路社区") String community,
                                        @QueryParam("status") @Parameter(example = "ACTIVE")
                                        @Pattern(regexp = "PENDING|ACTIVE|SUSPENDED|DEACTIVATED",
                                                message = "must be PENDING, ACTIVE, SUSPENDED or DEACTIVATED")
                                        String status,
                                        @QueryParam("onDuty") Boolean onDuty,
                                        @QueryParam("q") @Parameter(description = "Part of the name", example = "王")
                                        @Size(max = 100) String q,
                                        @QueryParam("starLevel") @Parameter(description = "0 (no star) to 5",
                                                example = "1") @Min(0) @Max(5) Integer starLevel,
                                        @QueryParam("team") @Parameter(description = "Active members of this team")
                                        UUID team,
                                        @QueryParam("sort") @DefaultValue("createdAt")
                                        @Parameter(description = "name, -name, createdAt or -createdAt", example = "name")
                                        @Pattern(regexp = "-?(name|createdAt)",
                                                message = "must be name, -name, createdAt or -createdAt")
                                        String sort,
                                        @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                        @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return service.list(new VolunteerRepository.Filter(skill, certification, onDuty, community,
                        status == null ? null : VolunteerStatus.valueOf(status), q, starLevel, team, sort), page, size)
                .map(VolunteerMapper::toListItem);
    }

    @PUT
    @Path("/{id}/duty")
    @RolesAllowed({Roles.VOLUNTEER, Roles.SOCIAL_WORKER, Roles.ADMIN})
    @Operation(operationId = "setVolunteerOnDuty", summary = "Switch a volunteer on or off duty",
            description = "Publishes VolunteerChanged when the status changes. Send the ETag in If-Match to "
                    + "refuse the change if the volunteer changed meanwhile.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "on", value = "{\"onDuty\": true}")))
    @APIResponse(responseCode = "200", description = "The volunteer as it is now",
            content = @Content(schema = @Schema(implementation = VolunteerResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid input")
    @APIResponse(responseCode = "404", description = "No such volunteer")
    @APIResponse(responseCode = "409", description = "The volunteer's data was erased")
    @APIResponse(responseCode = "412", description = "If-Match names an older version")
    public Response setOnDuty(@PathParam("id") UUID id, DutyRequest request,
                              @HeaderParam("If-Match") String ifMatch) {
        user.requireSelfOrStaff(id);
        return current(id, service.setOnDuty(id, request, ifMatch));
    }

    @PUT
    @Path("/{id}/skills")
    @RolesAllowed({Roles.VOLUNTEER, Roles.SOCIAL_WORKER, Roles.ADMIN})
    @Operation(operationId = "setVolunteerSkills", summary = "Replace a volunteer's skills and their levels",
            description = "Codes come from GET /api/v1/skills. Publishes VolunteerChanged when the skills or their "
                    + "levels change. Send the ETag in If-Match to refuse the change if the volunteer changed meanwhile.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "carer", value = """
            {"skills": [{"code": "elder-care", "level": 3}, {"code": "first-aid", "level": 1}]}""")))
    @APIResponse(responseCode = "200", description = "The volunteer as it is now",
            content = @Content(schema = @Schema(implementation = VolunteerResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid input or a skill not in the catalogue")
    @APIResponse(responseCode = "404", description = "No such volunteer")
    @APIResponse(responseCode = "409", description = "The volunteer's data was erased")
    @APIResponse(responseCode = "412", description = "If-Match names an older version")
    @APIResponse(responseCode = "422", description = "A skill the volunteer does not hold yet was retired from the "
            + "catalogue (naming the entry)")
    public Response setSkills(@PathParam("id") UUID id, SkillsRequest request,
                              @HeaderParam("If-Match") String ifMatch) {
        user.requireSelfOrStaff(id);
        return current(id, service.setSkills(id, request, ifMatch));
    }

    @PUT
    @Path("/{id}/profile")
    @RolesAllowed({Roles.VOLUNTEER, Roles.SOCIAL_WORKER, Roles.ADMIN})
    @Operation(operationId = "updateVolunteerProfile", summary = "Update a volunteer's profile",
            description = "Only the fields sent change. Publishes VolunteerChanged when the community, the "
                    + "languages or the group type change (events carry no name; they carry the group type's "
                    + "labels). groupType and organisation name codes of their catalogues. Send the ETag in If-Match "
                    + "to refuse the change if the volunteer changed meanwhile.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "profile", value = """
            {"birthYear": 1968, "gender": "FEMALE", "homeCommunity": "新华路社区", "languages": ["zh", "en"],
             "bio": "退休教师，擅长辅导小学数学", "photoUrl": "https://files.linkage.example/photos/42.jpg",
             "groupType": "PARTY_MEMBER", "organisation": "xinhua-road-party-branch"}""")))
    @APIResponse(responseCode = "200", description = "The volunteer as it is now",
            content = @Content(schema = @Schema(implementation = VolunteerResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid input; a group type or organisation not in its "
            + "catalogue (naming the field)")
    @APIResponse(responseCode = "404", description = "No such volunteer")
    @APIResponse(responseCode = "409", description = "The volunteer's data was erased")
    @APIResponse(responseCode = "412", description = "If-Match names an older version")
    @APIResponse(responseCode = "422", description = "A group type or organisation retired from its catalogue, "
            + "unless the volunteer holds it already (naming the field)")
    public Response updateProfile(@PathParam("id") UUID id, ProfileRequest request,
                                  @HeaderParam("If-Match") String ifMatch) {
        user.requireSelfOrStaff(id);
        return current(id, service.updateProfile(id, request, ifMatch));
    }

    @PUT
    @Path("/{id}/location")
    @RolesAllowed({Roles.VOLUNTEER, Roles.SOCIAL_WORKER, Roles.ADMIN})
    @Operation(operationId = "consentToVolunteerLocation",
            summary = "Store a volunteer's home location with their consent",
            description = "The consent is recorded with its time and purpose. Publishes VolunteerChanged with the "
                    + "location. Send the ETag in If-Match to refuse the change if the volunteer changed meanwhile.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "home", value = """
            {"homeLocation": {"latitude": 31.2304, "longitude": 121.4737},
             "purpose": "Matching with needs near home"}""")))
    @APIResponse(responseCode = "200", description = "The volunteer as it is now",
            content = @Content(schema = @Schema(implementation = VolunteerResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid location or no purpose")
    @APIResponse(responseCode = "404", description = "No such volunteer")
    @APIResponse(responseCode = "409", description = "The volunteer's data was erased")
    @APIResponse(responseCode = "412", description = "If-Match names an older version")
    public Response consentToLocation(@PathParam("id") UUID id, LocationConsentRequest request,
                                      @HeaderParam("If-Match") String ifMatch) {
        user.requireSelfOrStaff(id);
        return current(id, service.consentToLocation(id, request, ifMatch));
    }

    @DELETE
    @Path("/{id}/location")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.VOLUNTEER, Roles.SOCIAL_WORKER, Roles.ADMIN})
    @Operation(operationId = "withdrawVolunteerLocationConsent",
            summary = "Withdraw consent to the home location, which is removed",
            description = "The time of withdrawal is recorded. Publishes VolunteerChanged without the location.")
    @APIResponse(responseCode = "200", description = "The volunteer as it is now, without a location",
            content = @Content(schema = @Schema(implementation = VolunteerResponse.class)))
    @APIResponse(responseCode = "404", description = "No such volunteer")
    @APIResponse(responseCode = "412", description = "If-Match names an older version")
    public Response withdrawLocationConsent(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        user.requireSelfOrStaff(id);
        return current(id, service.withdrawLocationConsent(id, ifMatch));
    }

    @PUT
    @Path("/{id}/live-position-consent")
    @RolesAllowed(Roles.VOLUNTEER)
    @Operation(operationId = "consentToVolunteerLivePosition",
            summary = "Consent to share the live position while on duty",
            description = "A consent of its own, apart from the home location's, given only by the volunteer "
                    + "themself, with its time and purpose recorded. Publishes VolunteerChanged "
                    + "(livePositionConsent); from then on matching-service takes the volunteer's position pings "
                    + "while they are on duty (PUT /api/v1/live-positions/{volunteerId} on matching-service). "
                    + "Send the ETag in If-Match to refuse the change if the volunteer changed meanwhile.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "rider", value = """
            {"purpose": "Emergencies go to the nearest responder on duty"}""")))
    @APIResponse(responseCode = "200", description = "The volunteer as it is now",
            content = @Content(schema = @Schema(implementation = VolunteerResponse.class)))
    @APIResponse(responseCode = "400", description = "No purpose")
    @APIResponse(responseCode = "403", description = "Not the volunteer themself")
    @APIResponse(responseCode = "404", description = "No such volunteer")
    @APIResponse(responseCode = "409", description = "The volunteer's data was erased")
    @APIResponse(responseCode = "412", description = "If-Match names an older version")
    public Response consentToLivePosition(@PathParam("id") UUID id, LivePositionConsentRequest request,
                                          @HeaderParam("If-Match") String ifMatch) {
        if (!id.equals(user.volunteerId())) {
            throw ProblemException.forbidden("Only the volunteer themself can consent to sharing their position");
        }
        return current(id, service.consentToLivePosition(id, request, ifMatch));
    }

    @DELETE
    @Path("/{id}/live-position-consent")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.VOLUNTEER, Roles.SOCIAL_WORKER, Roles.ADMIN})
    @Operation(operationId = "withdrawVolunteerLivePositionConsent",
            summary = "Withdraw consent to share the live position",
            description = "The time of withdrawal is recorded. Publishes VolunteerChanged; matching-service forgets "
                    + "the position it holds as soon as it consumes it, and refuses further pings.")
    @APIResponse(responseCode = "200", description = "The volunteer as it is now",
            content = @Content(schema = @Schema(implementation = VolunteerResponse.class)))
    @APIResponse(responseCode = "404", description = "No such volunteer")
    @APIResponse(responseCode = "412", description = "If-Match names an older version")
    public Response withdrawLivePositionConsent(@PathParam("id") UUID id,
                                                @HeaderParam("If-Match") String ifMatch) {
        user.requireSelfOrStaff(id);
        return current(id, service.withdrawLivePositionConsent(id, ifMatch));
    }

    @POST
    @Path("/{id}/status")
    @RolesAllowed({Roles.SOCIAL_WORKER, Roles.ADMIN})
    @Operation(operationId = "changeVolunteerStatus", summary = "Activate, suspend or deactivate a volunteer",
            description = "PENDING → ACTIVE → SUSPENDED ⇄ ACTIVE; any → DEACTIVATED, which is final. Suspending "
                    + "and deactivating need a reason. Publishes VolunteerChanged (the active flag) and, on "
                    + "deactivation, VolunteerDeactivated.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "suspend", value = """
            {"status": "SUSPENDED", "reason": "Complaint under review"}""")))
    @APIResponse(responseCode = "200", description = "The volunteer as it is now",
            content = @Content(schema = @Schema(implementation = VolunteerResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid input or a missing reason")
    @APIResponse(responseCode = "404", description = "No such volunteer")
    @APIResponse(responseCode = "409", description = "The volunteer's status cannot change that way")
    @APIResponse(responseCode = "412", description = "If-Match names an older version")
    public Response changeStatus(@PathParam("id") UUID id, StatusRequest request,
                                 @HeaderParam("If-Match") String ifMatch) {
        return current(id, service.changeStatus(id, request, ifMatch));
    }

    @POST
    @Path("/{id}/erasure")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.VOLUNTEER, Roles.ADMIN})
    @Operation(operationId = "eraseVolunteer", summary = "Erase a volunteer's personal data at their request",
            description = "The profile is anonymised (name, phone, location, profile, skills), certifications, "
                    + "availability and team memberships are deleted, and the volunteer is deactivated for good. "
                    + "The hours ledger and its totals stay for statistics. Publishes VolunteerChanged (inactive), "
                    + "VolunteerDeactivated and VolunteerErased so that the other services forget the person. "
                    + "Erasing again changes nothing.")
    @APIResponse(responseCode = "200", description = "The anonymised volunteer",
            content = @Content(schema = @Schema(implementation = VolunteerResponse.class)))
    @APIResponse(responseCode = "404", description = "No such volunteer")
    public Response erase(@PathParam("id") UUID id) {
        user.requireSelfOrStaff(id);
        return current(id, service.erase(id));
    }

    @GET
    @Path("/{id}/identities")
    @RolesAllowed({Roles.SOCIAL_WORKER, Roles.ADMIN})
    @Tag(name = "Identities")
    @Operation(operationId = "listVolunteerIdentities", summary = "List the logins that act as a volunteer",
            description = "Staff of the volunteer's community, and admins.")
    @APIResponse(responseCode = "200", description = "The linked logins, oldest first")
    @APIResponse(responseCode = "404", description = "No such volunteer")
    public List<IdentityLinkResponse> identities(@PathParam("id") UUID id) {
        return identityLinks.of(id).stream().map(IdentityMapper::toResponse).toList();
    }

    @POST
    @Path("/{id}/identities")
    @RolesAllowed({Roles.SOCIAL_WORKER, Roles.ADMIN})
    @Tag(name = "Identities")
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
    @Path("/{id}/identities/{linkId}")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.SOCIAL_WORKER, Roles.ADMIN})
    @Tag(name = "Identities")
    @Operation(operationId = "unlinkVolunteerIdentity", summary = "Unlink a login from a volunteer",
            description = "Audited; publishes IdentityUnlinked: the login's next request is refused in every "
                    + "service (403 \"not linked\"), and its live streams end.")
    @APIResponse(responseCode = "204", description = "Unlinked")
    @APIResponse(responseCode = "404", description = "No such volunteer, or no such link of theirs")
    public void unlink(@PathParam("id") UUID id, @PathParam("linkId") UUID linkId) {
        identityLinks.unlinkByStaff(id, linkId);
    }

    @GET
    @Path("/{id}/invitation")
    @RolesAllowed({Roles.SOCIAL_WORKER, Roles.ADMIN})
    @Tag(name = "Identities")
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
    @Path("/{id}/invitation")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.SOCIAL_WORKER, Roles.ADMIN})
    @Tag(name = "Identities")
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
    @Path("/{id}/invitation")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.SOCIAL_WORKER, Roles.ADMIN})
    @Tag(name = "Identities")
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

    /** 200 with the volunteer and its ETag, or 404. */
    private static Response current(UUID id, Optional<Volunteer> volunteer) {
        return volunteer
                .map(found -> Response.ok(VolunteerMapper.toResponse(found)).tag(ETags.of(found.version)))
                .orElseThrow(() -> ProblemException.notFound("Volunteer", id))
                .build();
    }
}
