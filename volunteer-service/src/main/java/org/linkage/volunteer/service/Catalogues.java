package org.linkage.volunteer.service;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
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
import org.linkage.volunteer.domain.Skill;
import org.linkage.volunteer.domain.TrainingCourse;
import org.linkage.volunteer.repository.CertificationTypeRepository;
import org.linkage.volunteer.repository.SkillRepository;
import org.linkage.volunteer.repository.TrainingCourseRepository;


/**
 * Admins' changes to the skills, certification types and training catalogues: create, rename, retire (an entry is
 * never deleted: volunteers' records refer to it). Every change is written to the audit log in its transaction.
 * No other service validates these codes (activity-service and matching carry them as given), so no event is sent.
 */
@ApplicationScoped
public class Catalogues {

    private final SkillRepository skills;
    private final CertificationTypeRepository certificationTypes;
    private final TrainingCourseRepository trainingCourses;
    private final AuditLog auditLog;

    Catalogues(SkillRepository skills, CertificationTypeRepository certificationTypes,
               TrainingCourseRepository trainingCourses, AuditLog auditLog) {
        this.skills = skills;
        this.certificationTypes = certificationTypes;
        this.trainingCourses = trainingCourses;
        this.auditLog = auditLog;
    }

    @Transactional
    public CatalogueEntry create(CatalogueKind kind, @Valid @NotNull CatalogueEntryRequest request) {
        if (request.validityMonths() != null && kind != CatalogueKind.TRAINING_COURSE) {
            throw ProblemException.invalid("validityMonths", "is only for training courses");
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
                "is not in the " + kind.catalogue + " (GET " + kind.path + ")"));
        if (entry.retired()) {
            throw ProblemException.unprocessable(field, "is retired from the " + kind.catalogue);
        }
        return entry;
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
        };
    }
}
