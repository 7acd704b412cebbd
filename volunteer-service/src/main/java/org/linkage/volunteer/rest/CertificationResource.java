package org.linkage.volunteer.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
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
import org.linkage.chassis.time.DistrictConfig;
import org.linkage.chassis.web.Page;
import org.linkage.volunteer.api.CertificationRequest;
import org.linkage.volunteer.api.CertificationResponse;
import org.linkage.volunteer.api.VerificationRequest;
import org.linkage.volunteer.domain.Certification;
import org.linkage.volunteer.mapping.CertificationMapper;
import org.linkage.volunteer.service.CertificationService;

import java.util.UUID;

@Path("/api/v1/volunteers/{volunteerId}/certifications")
@Tag(name = "Certifications", description = "Volunteers' certifications and their verification by staff")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CertificationResource {

    private final CurrentUser user;
    private final CertificationService service;
    private final DistrictConfig district;

    CertificationResource(CertificationService service, DistrictConfig district, CurrentUser user) {
        this.service = service;
        this.district = district;
        this.user = user;
    }

    @POST
    @RolesAllowed({Roles.VOLUNTEER, Roles.SOCIAL_WORKER, Roles.ADMIN})
    @Operation(operationId = "addCertification", summary = "Record a volunteer's certification",
            description = "The certification awaits verification by staff and counts only once verified.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "first aid", value = """
            {"type": "first-aid", "number": "HC-2025-001234", "issuer": "上海市红十字会",
             "issuedOn": "2025-03-01", "expiresOn": "2028-03-01", "documentRef": "documents/certifications/8f3c.pdf"}""")))
    @APIResponse(responseCode = "201", description = "Recorded, awaiting verification",
            content = @Content(schema = @Schema(implementation = CertificationResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid input, an unknown type, or expiresOn not after issuedOn")
    @APIResponse(responseCode = "404", description = "No such volunteer")
    @APIResponse(responseCode = "409", description = "The volunteer already has this certification")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for a different request, or the "
            + "type was retired from the catalogue (field type)")
    public Response add(@PathParam("volunteerId") UUID volunteerId, CertificationRequest request,
                        @Parameter(description = "Makes retries safe: the same key returns the same certification")
                        @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
                        @Context UriInfo uriInfo) {
        user.requireSelfOrStaff(volunteerId);
        Certification certification = service.add(volunteerId, request, idempotencyKey)
                .orElseThrow(() -> ProblemException.notFound("Volunteer", volunteerId));
        return Response.created(uriInfo.getAbsolutePathBuilder().path(certification.id.toString()).build())
                .entity(CertificationMapper.toResponse(certification, district.today()))
                .build();
    }

    @GET
    @RolesAllowed({Roles.VOLUNTEER, Roles.SOCIAL_WORKER, Roles.ADMIN})
    @Operation(operationId = "listCertifications", summary = "List a volunteer's certifications",
            description = "Oldest issue date first.")
    @APIResponse(responseCode = "200", description = "One page of certifications")
    @APIResponse(responseCode = "400", description = "Invalid paging")
    @APIResponse(responseCode = "404", description = "No such volunteer")
    public Page<CertificationResponse> list(@PathParam("volunteerId") UUID volunteerId,
                                            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        user.requireSelfOrStaff(volunteerId);
        return service.list(volunteerId, page, size)
                .orElseThrow(() -> ProblemException.notFound("Volunteer", volunteerId))
                .map(certification -> CertificationMapper.toResponse(certification, district.today()));
    }

    @GET
    @Path("/{certificationId}")
    @RolesAllowed({Roles.VOLUNTEER, Roles.SOCIAL_WORKER, Roles.ADMIN})
    @Operation(operationId = "getCertification", summary = "Read a volunteer's certification",
            description = "One certification of the volunteer: its type, when it was issued and expires, and whether "
                    + "staff verified it.")
    @APIResponse(responseCode = "200", description = "The certification",
            content = @Content(schema = @Schema(implementation = CertificationResponse.class)))
    @APIResponse(responseCode = "404", description = "No such certification of this volunteer")
    public CertificationResponse get(@PathParam("volunteerId") UUID volunteerId,
                                     @PathParam("certificationId") UUID certificationId) {
        user.requireSelfOrStaff(volunteerId);
        return service.find(volunteerId, certificationId)
                .map(certification -> CertificationMapper.toResponse(certification, district.today()))
                .orElseThrow(() -> ProblemException.notFound("Certification", certificationId));
    }

    @POST
    @Path("/{certificationId}/verification")
    @RolesAllowed({Roles.SOCIAL_WORKER, Roles.ADMIN})
    @Operation(operationId = "verifyCertification", summary = "Record staff's verification decision",
            description = "A verified certification counts until it expires and is published as "
                    + "CertificationVerified. The decision is made once.")
    @RequestBody(content = @Content(examples = {
            @ExampleObject(name = "verified", value = "{\"decision\": \"VERIFIED\"}"),
            @ExampleObject(name = "rejected", value = """
                    {"decision": "REJECTED", "reason": "The number does not match the scan"}""")}))
    @APIResponse(responseCode = "200", description = "The certification with the decision",
            content = @Content(schema = @Schema(implementation = CertificationResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid input, or a rejection without a reason")
    @APIResponse(responseCode = "404", description = "No such certification of this volunteer")
    @APIResponse(responseCode = "409", description = "The decision was already made")
    public CertificationResponse verify(@PathParam("volunteerId") UUID volunteerId,
                                        @PathParam("certificationId") UUID certificationId,
                                        VerificationRequest request) {
        return service.decide(volunteerId, certificationId, request)
                .map(certification -> CertificationMapper.toResponse(certification, district.today()))
                .orElseThrow(() -> ProblemException.notFound("Certification", certificationId));
    }
}
