package org.linkage.volunteer.service;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.linkage.chassis.audit.AuditAction;
import org.linkage.chassis.audit.AuditLog;
import org.linkage.chassis.problem.ProblemException;
import org.linkage.chassis.time.DatabaseClock;
import org.linkage.volunteer.api.CatalogueEntryRequest;
import org.linkage.volunteer.api.CatalogueLabelsRequest;
import org.linkage.volunteer.domain.CatalogueEntry;
import org.linkage.volunteer.domain.CatalogueKind;
import org.linkage.volunteer.domain.CertificationType;
import org.linkage.volunteer.domain.Organisation;
import org.linkage.volunteer.domain.Skill;
import org.linkage.volunteer.domain.TrainingCourse;
import org.linkage.volunteer.domain.VolunteerGroupType;
import org.linkage.volunteer.repository.CertificationTypeRepository;
import org.linkage.volunteer.repository.OrganisationRepository;
import org.linkage.volunteer.repository.SkillRepository;
import org.linkage.volunteer.repository.TrainingCourseRepository;
import org.linkage.volunteer.repository.VolunteerGroupTypeRepository;

import java.util.Optional;


/**
 * Admins' changes to the skills, certification types, training, volunteer group types and organisations catalogues:
 * create, rename, retire (an entry is never deleted: volunteers' records refer to it). Every change is written to
 * the audit log in its transaction. No other service validates these codes (activity-service and matching carry
 * them as given), so no event is sent; a group type's labels travel with the volunteers' events.
 */
@ApplicationScoped
public class Catalogues {

    private final SkillRepository skills;
    private final CertificationTypeRepository certificationTypes;
    private final TrainingCourseRepository trainingCourses;
    private final VolunteerGroupTypeRepository groupTypes;
    private final OrganisationRepository organisations;
    private final AuditLog auditLog;

    Catalogues(SkillRepository skills, CertificationTypeRepository certificationTypes,
               TrainingCourseRepository trainingCourses, VolunteerGroupTypeRepository groupTypes,
               OrganisationRepository organisations, AuditLog auditLog) {
        this.skills = skills;
        this.certificationTypes = certificationTypes;
        this.trainingCourses = trainingCourses;
        this.groupTypes = groupTypes;
        this.organisations = organisations;
        this.auditLog = auditLog;
    }

    @Transactional
    public CatalogueEntry create(CatalogueKind kind, @Valid @NotNull CatalogueEntryRequest request) {
        if (request.validityMonths() != null && kind != CatalogueKind.TRAINING_COURSE) {
            throw ProblemException.invalid("validityMonths", "is only for training courses");
        }
        if (request.groupType() != null && kind != CatalogueKind.ORGANISATION) {
            throw ProblemException.invalid("groupType", "is only for organisations");
        }
        if (!kind.codes.pattern.matcher(request.code()).matches()) {
            throw ProblemException.invalid("code", kind.codes.rule);
        }
        if (repository(kind).findByIdOptional(request.code()).isPresent()) {
            throw ProblemException.conflict(kind.resourceType + " " + request.code() + " is in the catalogue already",
                    "code", "is in the catalogue already");
        }
        CatalogueEntry entry = switch (kind) {
            case SKILL -> new Skill();
            case CERTIFICATION_TYPE -> new CertificationType();
            case TRAINING_COURSE -> {
                TrainingCourse course = new TrainingCourse();
                course.validityMonths = request.validityMonths();
                yield course;
            }
            case GROUP_TYPE -> new VolunteerGroupType();
            case ORGANISATION -> {
                Organisation organisation = new Organisation();
                organisation.groupType = request.groupType() == null ? null
                        : this.<VolunteerGroupType>requireUsable(CatalogueKind.GROUP_TYPE, request.groupType(),
                        "groupType").code;
                yield organisation;
            }
        };
        entry.code = request.code();
        entry.nameZh = request.nameZh().strip();
        entry.nameEn = request.nameEn().strip();
        repository(kind).getEntityManager().persist(entry);
        auditLog.record(AuditAction.CREATE, kind.resourceType, entry.code,
                "catalogue entry created: " + entry.nameZh + " / " + entry.nameEn);
        return entry;
    }

    /** New labels for an entry, retired or not; its code, and so every reference to it, stays. */
    @Transactional
    public CatalogueEntry rename(CatalogueKind kind, String code, @Valid @NotNull CatalogueLabelsRequest request) {
        CatalogueEntry entry = require(kind, code);
        String before = entry.nameZh + " / " + entry.nameEn;
        entry.nameZh = request.nameZh().strip();
        entry.nameEn = request.nameEn().strip();
        auditLog.record(AuditAction.UPDATE, kind.resourceType, code,
                "catalogue entry renamed from " + before + " to " + entry.nameZh + " / " + entry.nameEn);
        return entry;
    }

    /** Refuses the entry for new use from now on; what refers to it already keeps it. */
    @Transactional
    public CatalogueEntry retire(CatalogueKind kind, String code) {
        CatalogueEntry entry = require(kind, code);
        if (entry.retired()) {
            throw ProblemException.conflict(kind.resourceType + " " + code + " is retired already");
        }
        entry.retiredAt = DatabaseClock.now();
        auditLog.record(AuditAction.UPDATE, kind.resourceType, code, "catalogue entry retired");
        return entry;
    }

    /**
     * The entry a request wants to use under this field.
     *
     * @throws ProblemException 400 when it is not in the catalogue, 422 when it was retired
     */
    public <T extends CatalogueEntry> T requireUsable(CatalogueKind kind, String code, String field) {
        @SuppressWarnings("unchecked")
        T entry = (T) repository(kind).findByIdOptional(code).orElseThrow(() -> ProblemException.invalid(field,
                notIn(kind)));
        if (entry.retired()) {
            throw ProblemException.unprocessable(field, retiredFrom(kind));
        }
        return entry;
    }

    /** Like {@link #requireUsable}, but a code held already stays usable when retired; null stays null. */
    public String requireUsableUnlessHeld(CatalogueKind kind, String code, String held, String field) {
        return code == null || code.equals(held) ? code : requireUsable(kind, code, field).code;
    }

    /**
     * What is wrong with taking up this entry of a spreadsheet row (a code, or a label as staff write it); empty
     * when it is usable.
     */
    public Optional<String> unusable(CatalogueEntry entry, CatalogueKind kind) {
        if (entry == null) {
            return Optional.of(notIn(kind));
        }
        return entry.retired() ? Optional.of(retiredFrom(kind)) : Optional.empty();
    }

    /** The entry a spreadsheet names by its code or by either of its labels. */
    public Optional<CatalogueEntry> named(CatalogueKind kind, String value) {
        return repository(kind).find("code = ?1 or nameZh = ?1 or lower(nameEn) = lower(?1)", Sort.by("code"), value)
                .firstResultOptional().map(CatalogueEntry.class::cast);
    }

    private static String notIn(CatalogueKind kind) {
        return "is not in the " + kind.catalogue + " (GET " + kind.path + ")";
    }

    private static String retiredFrom(CatalogueKind kind) {
        return "is retired from the " + kind.catalogue;
    }

    private CatalogueEntry require(CatalogueKind kind, String code) {
        return repository(kind).findByIdOptional(code)
                .orElseThrow(() -> ProblemException.notFound(kind.resourceType, code));
    }

    private PanacheRepositoryBase<? extends CatalogueEntry, String> repository(CatalogueKind kind) {
        return switch (kind) {
            case SKILL -> skills;
            case CERTIFICATION_TYPE -> certificationTypes;
            case TRAINING_COURSE -> trainingCourses;
            case GROUP_TYPE -> groupTypes;
            case ORGANISATION -> organisations;
        };
    }
}
