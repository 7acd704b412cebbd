package org.linkage.volunteer.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.linkage.chassis.idempotency.IdempotencyKeys;
import org.linkage.chassis.outbox.Outbox;
import org.linkage.chassis.problem.ProblemException;
import org.linkage.chassis.web.Page;
import org.linkage.volunteer.api.CertificationRequest;
import org.linkage.volunteer.api.VerificationRequest;
import org.linkage.volunteer.domain.CatalogueKind;
import org.linkage.volunteer.domain.Certification;
import org.linkage.volunteer.domain.Verification;
import org.linkage.volunteer.mapping.CertificationMapper;
import org.linkage.volunteer.repository.CertificationRepository;
import org.linkage.volunteer.repository.VolunteerRepository;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class CertificationService {

    private final CertificationRepository certifications;
    private final Catalogues catalogues;
    private final VolunteerRepository volunteers;
    private final Outbox outbox;
    private final IdempotencyKeys idempotencyKeys;

    CertificationService(CertificationRepository certifications, Catalogues catalogues,
                         VolunteerRepository volunteers, Outbox outbox, IdempotencyKeys idempotencyKeys) {
        this.certifications = certifications;
        this.catalogues = catalogues;
        this.volunteers = volunteers;
        this.outbox = outbox;
        this.idempotencyKeys = idempotencyKeys;
    }

    /** Records a certification awaiting verification; empty when the volunteer does not exist. */
    @Transactional
    public Optional<Certification> add(UUID volunteerId, @Valid @NotNull CertificationRequest request,
                                       String idempotencyKey) {
        if (!request.expiresOn().isAfter(request.issuedOn())) {
            throw ProblemException.invalid("expiresOn", "must be after issuedOn");
        }
        catalogues.requireUsable(CatalogueKind.CERTIFICATION_TYPE, request.type(), "type");
        var volunteer = volunteers.findByIdOptional(volunteerId);
        if (volunteer.isEmpty()) {
            return Optional.empty();
        }
        VolunteerService.requireNotErased(volunteer.get());
        UUID id = idempotencyKeys.once("volunteer.certification." + volunteerId, idempotencyKey, request,
                () -> create(volunteerId, request).id);
        return certifications.findByIdOptional(id);
    }

    private Certification create(UUID volunteerId, CertificationRequest request) {
        String number = request.number().strip();
        if (certifications.exists(volunteerId, request.type(), number)) {
            throw ProblemException.conflict(
                    "The volunteer already has a " + request.type() + " certification with this number",
                    "number", "is already recorded for this volunteer");
        }
        Certification certification = new Certification();
        certification.id = UUID.randomUUID();
        certification.volunteerId = volunteerId;
        certification.type = request.type();
        certification.number = number;
        certification.issuer = request.issuer().strip();
        certification.issuedOn = request.issuedOn();
        certification.expiresOn = request.expiresOn();
        certification.documentRef = request.documentRef();
        certification.verification = Verification.PENDING;
        certification.createdAt = Instant.now();
        certifications.persist(certification);
        return certification;
    }

    public Optional<Certification> find(UUID volunteerId, UUID certificationId) {
        return certifications.findOf(volunteerId, certificationId);
    }

    /** Empty when the volunteer does not exist. */
    public Optional<Page<Certification>> list(UUID volunteerId, int page, int size) {
        return volunteers.findByIdOptional(volunteerId).map(volunteer -> Page.of(
                certifications.of(volunteerId, page, size), page, size, certifications.countOf(volunteerId)));
    }

    /** Records staff's decision once; a verified certification is announced with CertificationVerified. */
    @Transactional
    public Optional<Certification> decide(UUID volunteerId, UUID certificationId,
                                          @Valid @NotNull VerificationRequest request) {
        String reason = request.reason() == null || request.reason().isBlank() ? null : request.reason().strip();
        if (request.decision() == VerificationRequest.Decision.REJECTED && reason == null) {
            throw ProblemException.invalid("reason", "is required when rejecting");
        }
        return certifications.findOf(volunteerId, certificationId).map(certification -> {
            if (certification.verification != Verification.PENDING) {
                throw ProblemException.conflict("The certification was already " + certification.verification,
                        "decision", "was already made");
            }
            certification.verification = Verification.valueOf(request.decision().name());
            certification.verificationReason = reason;
            certification.verifiedAt = Instant.now();
            if (certification.verification == Verification.VERIFIED) {
                outbox.publish(CertificationMapper.toVerified(certification));
            }
            return certification;
        });
    }
}
