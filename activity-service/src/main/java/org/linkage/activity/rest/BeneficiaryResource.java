package org.linkage.activity.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.linkage.activity.api.BeneficiaryResponse;
import org.linkage.activity.api.ConsentRequest;
import org.linkage.activity.api.ConsentResponse;
import org.linkage.activity.api.FileEntryRequest;
import org.linkage.activity.api.FileEntryResponse;
import org.linkage.activity.api.GuardianRequest;
import org.linkage.activity.api.NeedResponse;
import org.linkage.activity.api.RegisterBeneficiaryRequest;
import org.linkage.activity.domain.Beneficiary;
import org.linkage.activity.domain.Consent;
import org.linkage.activity.domain.FileEntry;
import org.linkage.activity.domain.FocusGroup;
import org.linkage.activity.mapping.BeneficiaryMapper;
import org.linkage.activity.mapping.NeedMapper;
import org.linkage.activity.repository.BeneficiaryRepository;
import org.linkage.activity.repository.NeedRepository;
import org.linkage.activity.service.Access;
import org.linkage.activity.service.BeneficiaryService;
import org.linkage.activity.service.NeedService;
import org.linkage.chassis.audit.AuditEntry;
import org.linkage.chassis.audit.AuditLog;
import org.linkage.chassis.idempotency.IdempotencyKeys;
import org.linkage.chassis.security.Roles;
import org.linkage.chassis.time.DistrictConfig;
import org.linkage.chassis.web.ETags;
import org.linkage.chassis.web.Page;

import java.util.List;
import java.util.UUID;

@Path("/api/v1/beneficiaries")
@Tag(name = "Beneficiaries", description = "The residents served, their consents and personal files")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BeneficiaryResource {

    private static final String FOCUS_GROUPS = "ELDERLY|CHILD|FAMILY";

    private final BeneficiaryService service;
    private final NeedService needs;
    private final DistrictConfig district;
    private final Access access;
    private final AuditLog auditLog;

    BeneficiaryResource(BeneficiaryService service, NeedService needs, DistrictConfig district, Access access,
                        AuditLog auditLog) {
        this.auditLog = auditLog;
        this.service = service;
        this.needs = needs;
        this.district = district;
        this.access = access;
    }

    @POST
    @RolesAllowed({Roles.SOCIAL_WORKER, Roles.ADMIN})
    @Operation(operationId = "registerBeneficiary", summary = "Register a beneficiary",
            description = "A child under 14 (by birth date) must come with a guardian.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "child", value = """
            {"focusGroup": "CHILD", "fullName": "李小明", "address": "Lane 12, No. 3, Room 401",
             "birthDate": "2016-05-01", "home": {"latitude": 31.2304, "longitude": 121.4737},
             "community": "xinhua", "socialWorkerId": "sw-0042",
             "guardian": {"name": "王丽", "phone": "+86 138 0000 0000", "relation": "mother"}}""")))
    @APIResponse(responseCode = "201", description = "Registered",
            content = @Content(schema = @Schema(implementation = BeneficiaryResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid input, or a minor without a guardian")
    @APIResponse(responseCode = "409", description = "A request with the same Idempotency-Key is in progress")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for a different request")
    public Response register(RegisterBeneficiaryRequest request,
                             @Parameter(description = "Makes retries safe")
                             @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
                             @Context UriInfo uriInfo) {
        if (request != null && request.community() != null) {
            access.community(request.community().strip());
        }
        Beneficiary beneficiary = service.register(request, idempotencyKey);
        return Response.created(uriInfo.getAbsolutePathBuilder().path(beneficiary.id.toString()).build())
                .tag(ETags.of(beneficiary.version))
                .entity(toResponse(beneficiary))
                .build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.SOCIAL_WORKER, Roles.ADMIN})
    @Operation(operationId = "getBeneficiary", summary = "Read a beneficiary",
            description = "The beneficiary's record. A child's home and contacts are shown only to the child's "
                    + "responsible social worker; every read is audited. The ETag header carries the version.")
    @APIResponse(responseCode = "200", description = "The beneficiary; the ETag header carries its version",
            content = @Content(schema = @Schema(implementation = BeneficiaryResponse.class)))
    @APIResponse(responseCode = "400", description = "A purpose over 200 characters")
    @APIResponse(responseCode = "403", description = "Another community's, or a child of another social worker")
    @APIResponse(responseCode = "404", description = "No such beneficiary")
    public Response get(@PathParam("id") UUID id,
                        @Parameter(description = "Why the record is read: audited with every read of a child's "
                                + "record (a child under 18 by birth date, or of the CHILD group)",
                                example = "prepare the monthly home visit")
                        @QueryParam("purpose") @Size(max = 200) String purpose) {
        Beneficiary beneficiary = access.beneficiary(service.require(id),
                purpose == null || purpose.isBlank() ? "read the record" : purpose.strip());
        return Response.ok(toResponse(beneficiary)).tag(ETags.of(beneficiary.version)).build();
    }

    @GET
    @RolesAllowed({Roles.SOCIAL_WORKER, Roles.ADMIN})
    @Operation(operationId = "listBeneficiaries", summary = "List beneficiaries",
            description = "Newest first; filter by community, responsible social worker and focus group.")
    @APIResponse(responseCode = "200", description = "One page of beneficiaries")
    @APIResponse(responseCode = "400", description = "Invalid filter or paging")
    public Page<BeneficiaryResponse> list(
            @QueryParam("community") @Size(max = 64) @Parameter(example = "xinhua") String community,
            @QueryParam("socialWorkerId") @Size(max = 64) @Parameter(example = "sw-0042") String socialWorkerId,
            @QueryParam("focusGroup") @Pattern(regexp = FOCUS_GROUPS, message = "must be one of " + FOCUS_GROUPS)
            @Parameter(schema = @Schema(implementation = FocusGroup.class)) String focusGroup,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return service.list(new BeneficiaryRepository.Filter(access.listedCommunity(community), socialWorkerId,
                        focusGroup == null ? null : FocusGroup.valueOf(focusGroup)), page, size)
                .map(beneficiary -> access.isProtectedChild(beneficiary) && !access.isResponsibleFor(beneficiary)
                        ? BeneficiaryMapper.toRedacted(beneficiary, district.today()) : toResponse(beneficiary));
    }

    @GET
    @Path("/{id}/audit-entries")
    @RolesAllowed({Roles.SOCIAL_WORKER, Roles.ADMIN})
    @Operation(operationId = "listBeneficiaryAudit", summary = "Who read a beneficiary's record, when and why",
            description = "Every audited read of the record, its home or contacts (a child's: each read, the home "
                    + "visit address included), newest first. For an admin, or the staff who may read the record.")
    @APIResponse(responseCode = "200", description = "One page of audit entries")
    @APIResponse(responseCode = "400", description = "Invalid paging")
    @APIResponse(responseCode = "403", description = "Another community's, or a child of another social worker")
    @APIResponse(responseCode = "404", description = "No such beneficiary")
    public Page<AuditEntry> audit(@PathParam("id") UUID id,
                                  @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                  @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        Beneficiary beneficiary = service.require(id);
        if (!access.user().isAdmin()) {
            access.beneficiary(beneficiary, "read the audit");
        }
        return auditLog.find("Beneficiary", id.toString(), null, page, size);
    }

    @PUT
    @Path("/{id}/guardian")
    @RolesAllowed({Roles.SOCIAL_WORKER, Roles.ADMIN})
    @Operation(operationId = "setGuardian", summary = "Set or replace a beneficiary's guardian",
            description = "Set or replace the guardian of a child or of a person who cannot consent themselves. Send "
                    + "If-Match with the version from the ETag to avoid overwriting a newer change.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "mother", value = """
            {"name": "王丽", "phone": "+86 138 0000 0000", "relation": "mother"}""")))
    @APIResponse(responseCode = "200", description = "The beneficiary with the guardian",
            content = @Content(schema = @Schema(implementation = BeneficiaryResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid input")
    @APIResponse(responseCode = "403", description = "Another community's, or a child of another social worker")
    @APIResponse(responseCode = "404", description = "No such beneficiary")
    @APIResponse(responseCode = "412", description = "If-Match names an older version")
    public Response setGuardian(@PathParam("id") UUID id, GuardianRequest request,
                                @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        access.beneficiary(service.require(id), "change the guardian");
        Beneficiary beneficiary = service.setGuardian(id, request, ifMatch);
        return Response.ok(toResponse(beneficiary)).tag(ETags.of(beneficiary.version)).build();
    }

    @POST
    @Path("/{id}/consents")
    @RolesAllowed({Roles.SOCIAL_WORKER, Roles.ADMIN})
    @Operation(operationId = "recordConsent", summary = "Record a consent",
            description = "For a child under 14 only the guardian's consent counts; a need for the child is "
                    + "refused until the guardian consented to its category.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "guardian consents to tutoring", value = """
            {"givenBy": "王丽", "relation": "GUARDIAN", "purpose": "tutoring",
             "givenAt": "2026-11-20T02:00:00Z", "recordedBy": "sw-0042"}""")))
    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(schema = @Schema(implementation = ConsentResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid input")
    @APIResponse(responseCode = "403", description = "Another community's, or a child of another social worker")
    @APIResponse(responseCode = "404", description = "No such beneficiary")
    @APIResponse(responseCode = "422", description = "A minor's own consent, or recordedBy names someone other "
            + "than the caller")
    public Response recordConsent(@PathParam("id") UUID id, ConsentRequest request, @Context UriInfo uriInfo) {
        access.beneficiary(service.require(id), "record a consent");
        Consent consent = service.recordConsent(id, request);
        return Response.created(uriInfo.getAbsolutePathBuilder().path(consent.id.toString()).build())
                .entity(BeneficiaryMapper.toResponse(consent)).build();
    }

    @GET
    @Path("/{id}/consents")
    @RolesAllowed({Roles.SOCIAL_WORKER, Roles.ADMIN})
    @Operation(operationId = "listConsents", summary = "List a beneficiary's consents, oldest first",
            description = "The consents recorded for the beneficiary (or their guardian), oldest first, including "
                    + "withdrawn ones: purpose, who gave it, when and how.")
    @APIResponse(responseCode = "200", description = "The consents")
    @APIResponse(responseCode = "403", description = "Another community's, or a child of another social worker")
    @APIResponse(responseCode = "404", description = "No such beneficiary")
    public List<ConsentResponse> consents(@PathParam("id") UUID id) {
        access.beneficiary(service.require(id), "read the consents");
        return service.consentsOf(id).stream().map(BeneficiaryMapper::toResponse).toList();
    }

    @POST
    @Path("/{id}/file-entries")
    @RolesAllowed({Roles.SOCIAL_WORKER, Roles.ADMIN})
    @Operation(operationId = "addFileEntry", summary = "Add a note or a visit to the personal file",
            description = "Staff add a note or a visit record to the beneficiary's personal file; the author is the "
                    + "caller.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "visit", value = """
            {"kind": "VISIT", "text": "Homework checked; reading has improved",
             "occurredAt": "2026-11-20T09:00:00Z", "author": "sw-0042"}""")))
    @APIResponse(responseCode = "201", description = "Added",
            content = @Content(schema = @Schema(implementation = FileEntryResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid input")
    @APIResponse(responseCode = "403", description = "Another community's, or a child of another social worker")
    @APIResponse(responseCode = "404", description = "No such beneficiary")
    @APIResponse(responseCode = "422", description = "author names someone other than the caller")
    public Response addFileEntry(@PathParam("id") UUID id, FileEntryRequest request, @Context UriInfo uriInfo) {
        access.beneficiary(service.require(id), "add to the personal file");
        FileEntry entry = service.addFileEntry(id, request);
        return Response.created(uriInfo.getAbsolutePathBuilder().path(entry.id.toString()).build())
                .entity(BeneficiaryMapper.toResponse(entry)).build();
    }

    @GET
    @Path("/{id}/file-entries")
    @RolesAllowed({Roles.SOCIAL_WORKER, Roles.ADMIN})
    @Operation(operationId = "listFileEntries", summary = "Read the personal file, newest first",
            description = "The beneficiary's personal file (notes and visits by staff), newest first, one page at a "
                    + "time; every read is audited.")
    @APIResponse(responseCode = "200", description = "One page of file entries")
    @APIResponse(responseCode = "400", description = "Invalid paging")
    @APIResponse(responseCode = "403", description = "Another community's, or a child of another social worker")
    @APIResponse(responseCode = "404", description = "No such beneficiary")
    public Page<FileEntryResponse> file(@PathParam("id") UUID id,
                                        @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                        @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        access.beneficiary(service.require(id), "read the personal file");
        return service.fileOf(id, page, size).map(BeneficiaryMapper::toResponse);
    }

    @GET
    @Path("/{id}/needs")
    @RolesAllowed({Roles.SOCIAL_WORKER, Roles.ADMIN})
    @Operation(operationId = "listBeneficiaryNeeds", summary = "The beneficiary's needs history, newest first",
            description = "Every need raised for the beneficiary, newest first, one page at a time, with its state.")
    @APIResponse(responseCode = "200", description = "One page of needs")
    @APIResponse(responseCode = "400", description = "Invalid paging")
    @APIResponse(responseCode = "403", description = "Another community's, or a child of another social worker")
    @APIResponse(responseCode = "404", description = "No such beneficiary")
    public Page<NeedResponse> needs(@PathParam("id") UUID id,
                                    @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                    @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        access.beneficiary(service.require(id), "read the needs history");
        return needs.list(NeedRepository.Filter.ofBeneficiary(id), page, size).map(NeedMapper::toResponse);
    }

    private BeneficiaryResponse toResponse(Beneficiary beneficiary) {
        return BeneficiaryMapper.toResponse(beneficiary, district.today(), access.isResponsibleFor(beneficiary));
    }
}
