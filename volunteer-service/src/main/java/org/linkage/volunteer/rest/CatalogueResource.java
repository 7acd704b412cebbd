package org.linkage.volunteer.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.linkage.chassis.security.Roles;
import org.linkage.volunteer.api.CatalogueEntryRequest;
import org.linkage.volunteer.api.CatalogueEntryResponse;
import org.linkage.volunteer.api.CatalogueLabelsRequest;
import org.linkage.volunteer.api.OrganisationResponse;
import org.linkage.volunteer.api.TrainingCourseResponse;
import org.linkage.volunteer.domain.CatalogueKind;
import org.linkage.volunteer.domain.Organisation;
import org.linkage.volunteer.domain.TrainingCourse;
import org.linkage.volunteer.mapping.CatalogueMapper;
import org.linkage.volunteer.repository.CertificationTypeRepository;
import org.linkage.volunteer.repository.OrganisationRepository;
import org.linkage.volunteer.repository.TrainingCourseRepository;
import org.linkage.volunteer.repository.VolunteerGroupTypeRepository;
import org.linkage.volunteer.service.Catalogues;
import org.linkage.volunteer.service.SkillCatalogue;

import java.net.URI;
import java.util.List;

/**
 * The managed catalogues volunteers' skills, certifications, training, groups and organisations refer to; small, so
 * returned whole, retired entries included (records keep referring to them). Admins create, rename and retire
 * entries, each change audited.
 */
@Path("/api/v1")
@Tag(name = "Catalogues", description = "Skills, certification types, training courses, volunteer group types and "
        + "organisations the service office recognises")
@Produces(MediaType.APPLICATION_JSON)
public class CatalogueResource {

    private static final String CREATE_DESCRIPTION = "Admins only. The code is what records refer to and never "
            + "changes; the labels are shown in Chinese and English. Recorded in the audit log (CREATE).";
    private static final String CREATE_400 = "A code not in lower-case-with-hyphens, a blank or too long label, "
            + "naming the field";
    private static final String RENAME_DESCRIPTION = "Admins only. New Chinese and English labels; the code, and "
            + "so every record referring to it, stays. Recorded in the audit log (UPDATE, with the old labels).";
    private static final String RETIRE_DESCRIPTION = "Admins only. An entry is never deleted: retired, it stays "
            + "listed (retiredAt) for the records that hold it, and new use of it is refused with 422 naming the "
            + "field. Recorded in the audit log (UPDATE).";

    private final SkillCatalogue skills;
    private final CertificationTypeRepository certificationTypes;
    private final TrainingCourseRepository trainingCourses;
    private final VolunteerGroupTypeRepository groupTypes;
    private final OrganisationRepository organisations;
    private final Catalogues catalogues;

    CatalogueResource(SkillCatalogue skills, CertificationTypeRepository certificationTypes,
                      TrainingCourseRepository trainingCourses, VolunteerGroupTypeRepository groupTypes,
                      OrganisationRepository organisations, Catalogues catalogues) {
        this.skills = skills;
        this.certificationTypes = certificationTypes;
        this.trainingCourses = trainingCourses;
        this.groupTypes = groupTypes;
        this.organisations = organisations;
        this.catalogues = catalogues;
    }

    @GET
    @Path("/skills")
    @RolesAllowed({Roles.VOLUNTEER, Roles.SOCIAL_WORKER, Roles.ADMIN, Roles.INTEGRATOR})
    @Operation(operationId = "listSkills", summary = "List the skills catalogue",
            description = "Volunteers' skills and needs' required skills use these codes.")
    @APIResponse(responseCode = "200", description = "Every skill, by code",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = CatalogueEntryResponse.class)))
    @APIResponse(responseCode = "406", description = "The client accepts no JSON")
    public List<CatalogueEntryResponse> skills() {
        return skills.all().stream()
                .map(CatalogueMapper::toResponse)
                .toList();
    }

    @GET
    @Path("/certification-types")
    @RolesAllowed({Roles.VOLUNTEER, Roles.SOCIAL_WORKER, Roles.ADMIN, Roles.INTEGRATOR})
    @Operation(operationId = "listCertificationTypes", summary = "List the certification types catalogue",
            description = "The catalogue of certification types a volunteer may hold (first aid, background "
                    + "check...), each with its code and whether it expires; any logged-in person or integrator "
                    + "may read it.")
    @APIResponse(responseCode = "200", description = "Every certification type, by code",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = CatalogueEntryResponse.class)))
    @APIResponse(responseCode = "406", description = "The client accepts no JSON")
    public List<CatalogueEntryResponse> certificationTypes() {
        return certificationTypes.catalogue().stream()
                .map(CatalogueMapper::toResponse)
                .toList();
    }

    @GET
    @Path("/training-courses")
    @RolesAllowed({Roles.VOLUNTEER, Roles.SOCIAL_WORKER, Roles.ADMIN, Roles.INTEGRATOR})
    @Operation(operationId = "listTrainingCourses", summary = "List the training catalogue",
            description = "Needs may require these course codes.")
    @APIResponse(responseCode = "200", description = "Every course, by code",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = TrainingCourseResponse.class)))
    @APIResponse(responseCode = "406", description = "The client accepts no JSON")
    public List<TrainingCourseResponse> courses() {
        return trainingCourses.catalogue().stream()
                .map(CatalogueMapper::toResponse)
                .toList();
    }

    @POST
    @Path("/skills")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "createSkill", summary = "Add a skill to the catalogue",
            description = CREATE_DESCRIPTION)
    @RequestBody(content = @Content(examples = @ExampleObject(name = "sign language",
            value = "{\"code\": \"sign-language\", \"nameZh\": \"手语\", \"nameEn\": \"Sign language\"}")))
    @APIResponse(responseCode = "201", description = "Added",
            content = @Content(schema = @Schema(implementation = CatalogueEntryResponse.class)))
    @APIResponse(responseCode = "400", description = CREATE_400)
    @APIResponse(responseCode = "409", description = "The code is in the catalogue already (field code)")
    public Response createSkill(CatalogueEntryRequest request) {
        var entry = CatalogueMapper.toResponse(catalogues.create(CatalogueKind.SKILL, request));
        return created(CatalogueKind.SKILL.path, entry.code(), entry);
    }

    @PUT
    @Path("/skills/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "renameSkill", summary = "Rename a skill", description = RENAME_DESCRIPTION)
    @RequestBody(content = @Content(examples = @ExampleObject(name = "interpreting",
            value = "{\"nameZh\": \"手语翻译\", \"nameEn\": \"Sign-language interpreting\"}")))
    @APIResponse(responseCode = "200", description = "Renamed",
            content = @Content(schema = @Schema(implementation = CatalogueEntryResponse.class)))
    @APIResponse(responseCode = "400", description = "A blank or too long label, naming the field")
    @APIResponse(responseCode = "404", description = "No such skill")
    public CatalogueEntryResponse renameSkill(@PathParam("code") String code, CatalogueLabelsRequest request) {
        return CatalogueMapper.toResponse(catalogues.rename(CatalogueKind.SKILL, code, request));
    }

    @POST
    @Path("/skills/{code}/retirement")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "retireSkill", summary = "Retire a skill", description = RETIRE_DESCRIPTION)
    @APIResponse(responseCode = "200", description = "Retired",
            content = @Content(schema = @Schema(implementation = CatalogueEntryResponse.class)))
    @APIResponse(responseCode = "404", description = "No such skill")
    @APIResponse(responseCode = "409", description = "Retired already")
    public CatalogueEntryResponse retireSkill(@PathParam("code") String code) {
        return CatalogueMapper.toResponse(catalogues.retire(CatalogueKind.SKILL, code));
    }

    @POST
    @Path("/certification-types")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "createCertificationType", summary = "Add a certification type to the catalogue",
            description = CREATE_DESCRIPTION)
    @RequestBody(content = @Content(examples = @ExampleObject(name = "food hygiene",
            value = "{\"code\": \"food-hygiene\", \"nameZh\": \"食品安全培训合格证\", "
                    + "\"nameEn\": \"Food hygiene certificate\"}")))
    @APIResponse(responseCode = "201", description = "Added",
            content = @Content(schema = @Schema(implementation = CatalogueEntryResponse.class)))
    @APIResponse(responseCode = "400", description = CREATE_400)
    @APIResponse(responseCode = "409", description = "The code is in the catalogue already (field code)")
    public Response createCertificationType(CatalogueEntryRequest request) {
        var entry = CatalogueMapper.toResponse(catalogues.create(CatalogueKind.CERTIFICATION_TYPE, request));
        return created(CatalogueKind.CERTIFICATION_TYPE.path, entry.code(), entry);
    }

    @PUT
    @Path("/certification-types/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "renameCertificationType", summary = "Rename a certification type",
            description = RENAME_DESCRIPTION)
    @RequestBody(content = @Content(examples = @ExampleObject(name = "first aid",
            value = "{\"nameZh\": \"红十字救护员证\", \"nameEn\": \"Red Cross first-aider certificate\"}")))
    @APIResponse(responseCode = "200", description = "Renamed",
            content = @Content(schema = @Schema(implementation = CatalogueEntryResponse.class)))
    @APIResponse(responseCode = "400", description = "A blank or too long label, naming the field")
    @APIResponse(responseCode = "404", description = "No such certification type")
    public CatalogueEntryResponse renameCertificationType(@PathParam("code") String code,
                                                          CatalogueLabelsRequest request) {
        return CatalogueMapper.toResponse(catalogues.rename(CatalogueKind.CERTIFICATION_TYPE, code, request));
    }

    @POST
    @Path("/certification-types/{code}/retirement")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "retireCertificationType", summary = "Retire a certification type",
            description = RETIRE_DESCRIPTION)
    @APIResponse(responseCode = "200", description = "Retired",
            content = @Content(schema = @Schema(implementation = CatalogueEntryResponse.class)))
    @APIResponse(responseCode = "404", description = "No such certification type")
    @APIResponse(responseCode = "409", description = "Retired already")
    public CatalogueEntryResponse retireCertificationType(@PathParam("code") String code) {
        return CatalogueMapper.toResponse(catalogues.retire(CatalogueKind.CERTIFICATION_TYPE, code));
    }

    @POST
    @Path("/training-courses")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "createTrainingCourse", summary = "Add a course to the training catalogue",
            description = CREATE_DESCRIPTION + " A course may say how many months a completion counts.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "fire safety",
            value = "{\"code\": \"fire-safety\", \"nameZh\": \"消防安全\", \"nameEn\": \"Fire safety\", "
                    + "\"validityMonths\": 12}")))
    @APIResponse(responseCode = "201", description = "Added",
            content = @Content(schema = @Schema(implementation = TrainingCourseResponse.class)))
    @APIResponse(responseCode = "400", description = CREATE_400)
    @APIResponse(responseCode = "409", description = "The code is in the catalogue already (field code)")
    public Response createTrainingCourse(CatalogueEntryRequest request) {
        var entry = CatalogueMapper.toResponse(
                (TrainingCourse) catalogues.create(CatalogueKind.TRAINING_COURSE, request));
        return created(CatalogueKind.TRAINING_COURSE.path, entry.code(), entry);
    }

    @PUT
    @Path("/training-courses/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "renameTrainingCourse", summary = "Rename a training course",
            description = RENAME_DESCRIPTION)
    @RequestBody(content = @Content(examples = @ExampleObject(name = "ethics",
            value = "{\"nameZh\": \"志愿服务伦理\", \"nameEn\": \"Volunteering ethics\"}")))
    @APIResponse(responseCode = "200", description = "Renamed",
            content = @Content(schema = @Schema(implementation = TrainingCourseResponse.class)))
    @APIResponse(responseCode = "400", description = "A blank or too long label, naming the field")
    @APIResponse(responseCode = "404", description = "No such course")
    public TrainingCourseResponse renameTrainingCourse(@PathParam("code") String code,
                                                       CatalogueLabelsRequest request) {
        return CatalogueMapper.toResponse(
                (TrainingCourse) catalogues.rename(CatalogueKind.TRAINING_COURSE, code, request));
    }

    @POST
    @Path("/training-courses/{code}/retirement")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "retireTrainingCourse", summary = "Retire a training course",
            description = RETIRE_DESCRIPTION)
    @APIResponse(responseCode = "200", description = "Retired",
            content = @Content(schema = @Schema(implementation = TrainingCourseResponse.class)))
    @APIResponse(responseCode = "404", description = "No such course")
    @APIResponse(responseCode = "409", description = "Retired already")
    public TrainingCourseResponse retireTrainingCourse(@PathParam("code") String code) {
        return CatalogueMapper.toResponse((TrainingCourse) catalogues.retire(CatalogueKind.TRAINING_COURSE, code));
    }

    @GET
    @Path("/volunteer-group-types")
    @RolesAllowed({Roles.VOLUNTEER, Roles.SOCIAL_WORKER, Roles.ADMIN, Roles.INTEGRATOR})
    @Operation(operationId = "listVolunteerGroupTypes", summary = "List the volunteer group types catalogue",
            description = "The groups the district organises volunteers in (college students, community mothers, "
                    + "party members, riders, residents...): a volunteer's groupType, needs' volunteerGroups and the "
                    + "hours statistics use these codes.")
    @APIResponse(responseCode = "200", description = "Every group type, by code",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY,
                    implementation = CatalogueEntryResponse.class)))
    @APIResponse(responseCode = "406", description = "The client accepts no JSON")
    public List<CatalogueEntryResponse> groupTypes() {
        return groupTypes.catalogue().stream()
                .map(CatalogueMapper::toResponse)
                .toList();
    }

    @POST
    @Path("/volunteer-group-types")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "createVolunteerGroupType", summary = "Add a volunteer group type to the catalogue",
            description = CREATE_DESCRIPTION + " Group type codes are upper case with underscores.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "retired teachers",
            value = "{\"code\": \"RETIRED_TEACHER\", \"nameZh\": \"退休教师\", \"nameEn\": \"Retired teachers\"}")))
    @APIResponse(responseCode = "201", description = "Added",
            content = @Content(schema = @Schema(implementation = CatalogueEntryResponse.class)))
    @APIResponse(responseCode = "400", description = "A code not in upper-case-with-underscores, a blank or too long "
            + "label, naming the field")
    @APIResponse(responseCode = "409", description = "The code is in the catalogue already (field code)")
    public Response createGroupType(CatalogueEntryRequest request) {
        var entry = CatalogueMapper.toResponse(catalogues.create(CatalogueKind.GROUP_TYPE, request));
        return created(CatalogueKind.GROUP_TYPE.path, entry.code(), entry);
    }

    @PUT
    @Path("/volunteer-group-types/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "renameVolunteerGroupType", summary = "Rename a volunteer group type",
            description = RENAME_DESCRIPTION)
    @RequestBody(content = @Content(examples = @ExampleObject(name = "returning students",
            value = "{\"nameZh\": \"返乡大学生\", \"nameEn\": \"Returning college students\"}")))
    @APIResponse(responseCode = "200", description = "Renamed",
            content = @Content(schema = @Schema(implementation = CatalogueEntryResponse.class)))
    @APIResponse(responseCode = "400", description = "A blank or too long label, naming the field")
    @APIResponse(responseCode = "404", description = "No such group type")
    public CatalogueEntryResponse renameGroupType(@PathParam("code") String code, CatalogueLabelsRequest request) {
        return CatalogueMapper.toResponse(catalogues.rename(CatalogueKind.GROUP_TYPE, code, request));
    }

    @POST
    @Path("/volunteer-group-types/{code}/retirement")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "retireVolunteerGroupType", summary = "Retire a volunteer group type",
            description = RETIRE_DESCRIPTION)
    @APIResponse(responseCode = "200", description = "Retired",
            content = @Content(schema = @Schema(implementation = CatalogueEntryResponse.class)))
    @APIResponse(responseCode = "404", description = "No such group type")
    @APIResponse(responseCode = "409", description = "Retired already")
    public CatalogueEntryResponse retireGroupType(@PathParam("code") String code) {
        return CatalogueMapper.toResponse(catalogues.retire(CatalogueKind.GROUP_TYPE, code));
    }

    @GET
    @Path("/organisations")
    @RolesAllowed({Roles.VOLUNTEER, Roles.SOCIAL_WORKER, Roles.ADMIN, Roles.INTEGRATOR})
    @Operation(operationId = "listOrganisations", summary = "List the organisations catalogue",
            description = "The schools, platforms, Party branches and grids volunteers come through, each "
                    + "optionally of a group type: a volunteer's organisation names one of these codes.")
    @APIResponse(responseCode = "200", description = "Every organisation, by code",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY,
                    implementation = OrganisationResponse.class)))
    @APIResponse(responseCode = "406", description = "The client accepts no JSON")
    public List<OrganisationResponse> organisations() {
        return organisations.catalogue().stream()
                .map(CatalogueMapper::toResponse)
                .toList();
    }

    @POST
    @Path("/organisations")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "createOrganisation", summary = "Add an organisation to the catalogue",
            description = CREATE_DESCRIPTION + " An organisation may name the group type its volunteers serve with.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "a university",
            value = "{\"code\": \"fudan-university\", \"nameZh\": \"复旦大学\", \"nameEn\": \"Fudan University\", "
                    + "\"groupType\": \"COLLEGE_STUDENT\"}")))
    @APIResponse(responseCode = "201", description = "Added",
            content = @Content(schema = @Schema(implementation = OrganisationResponse.class)))
    @APIResponse(responseCode = "400", description = CREATE_400 + "; a group type not in its catalogue")
    @APIResponse(responseCode = "409", description = "The code is in the catalogue already (field code)")
    @APIResponse(responseCode = "422", description = "The group type is retired (field groupType)")
    public Response createOrganisation(CatalogueEntryRequest request) {
        var entry = CatalogueMapper.toResponse((Organisation) catalogues.create(CatalogueKind.ORGANISATION, request));
        return created(CatalogueKind.ORGANISATION.path, entry.code(), entry);
    }

    @PUT
    @Path("/organisations/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "renameOrganisation", summary = "Rename an organisation",
            description = RENAME_DESCRIPTION)
    @RequestBody(content = @Content(examples = @ExampleObject(name = "a Party branch",
            value = "{\"nameZh\": \"新华路社区党支部\", \"nameEn\": \"Xinhua Road Community Party Branch\"}")))
    @APIResponse(responseCode = "200", description = "Renamed",
            content = @Content(schema = @Schema(implementation = OrganisationResponse.class)))
    @APIResponse(responseCode = "400", description = "A blank or too long label, naming the field")
    @APIResponse(responseCode = "404", description = "No such organisation")
    public OrganisationResponse renameOrganisation(@PathParam("code") String code, CatalogueLabelsRequest request) {
        return CatalogueMapper.toResponse((Organisation) catalogues.rename(CatalogueKind.ORGANISATION, code, request));
    }

    @POST
    @Path("/organisations/{code}/retirement")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "retireOrganisation", summary = "Retire an organisation",
            description = RETIRE_DESCRIPTION)
    @APIResponse(responseCode = "200", description = "Retired",
            content = @Content(schema = @Schema(implementation = OrganisationResponse.class)))
    @APIResponse(responseCode = "404", description = "No such organisation")
    @APIResponse(responseCode = "409", description = "Retired already")
    public OrganisationResponse retireOrganisation(@PathParam("code") String code) {
        return CatalogueMapper.toResponse((Organisation) catalogues.retire(CatalogueKind.ORGANISATION, code));
    }

    private static Response created(String collection, String code, Object entry) {
        return Response.created(URI.create(collection + "/" + code)).entity(entry).build();
    }
}
