package org.linkage.volunteer.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.linkage.chassis.security.Roles;
import org.linkage.volunteer.api.CatalogueEntryResponse;
import org.linkage.volunteer.api.TrainingCourseResponse;
import org.linkage.volunteer.repository.CertificationTypeRepository;
import org.linkage.volunteer.repository.TrainingCourseRepository;
import org.linkage.volunteer.service.SkillCatalogue;

import java.util.List;

/** The managed catalogues volunteers' skills, certifications and training refer to; small, so returned whole. */
@Path("/api/v1")
@Tag(name = "Catalogues", description = "Skills, certification types and training courses the service office recognises")
@Produces(MediaType.APPLICATION_JSON)
public class CatalogueResource {

    private final SkillCatalogue skills;
    private final CertificationTypeRepository certificationTypes;
    private final TrainingCourseRepository trainingCourses;

    CatalogueResource(SkillCatalogue skills, CertificationTypeRepository certificationTypes,
                      TrainingCourseRepository trainingCourses) {
        this.skills = skills;
        this.certificationTypes = certificationTypes;
        this.trainingCourses = trainingCourses;
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
                .map(skill -> new CatalogueEntryResponse(skill.code, skill.nameZh, skill.nameEn))
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
                .map(type -> new CatalogueEntryResponse(type.code, type.nameZh, type.nameEn))
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
                .map(course -> new TrainingCourseResponse(course.code, course.nameZh, course.nameEn,
                        course.validityMonths))
                .toList();
    }
}
