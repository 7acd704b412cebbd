package org.linkage.volunteer.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.linkage.chassis.audit.AuditAction;
import org.linkage.chassis.audit.AuditLog;
import org.linkage.chassis.idempotency.IdempotencyKeys;
import org.linkage.chassis.problem.ProblemException;
import org.linkage.volunteer.api.CertificateRequest;
import org.linkage.volunteer.config.DistrictConfig;
import org.linkage.volunteer.config.HoursConfig;
import org.linkage.volunteer.domain.HoursCertificate;
import org.linkage.volunteer.domain.HoursEntry;
import org.linkage.volunteer.repository.HoursCertificateRepository;
import org.linkage.volunteer.repository.HoursEntryRepository;
import org.linkage.volunteer.repository.VolunteerRepository;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Issues service-hours certificates; free of charge and drawn only from the ledger, as the national rules ask. */
@ApplicationScoped
public class HoursCertificates {

    private final HoursCertificateRepository certificates;
    private final HoursEntryRepository entries;
    private final VolunteerRepository volunteers;
    private final IdempotencyKeys idempotencyKeys;
    private final HoursConfig config;
    private final DistrictConfig district;
    private final AuditLog auditLog;

    HoursCertificates(HoursCertificateRepository certificates, HoursEntryRepository entries,
                      VolunteerRepository volunteers, IdempotencyKeys idempotencyKeys, HoursConfig config,
                      DistrictConfig district, AuditLog auditLog) {
        this.auditLog = auditLog;
        this.certificates = certificates;
        this.entries = entries;
        this.volunteers = volunteers;
        this.idempotencyKeys = idempotencyKeys;
        this.config = config;
        this.district = district;
    }

    /** Issues a certificate of the period's entries; empty when the volunteer does not exist. */
    @Transactional
    public Optional<HoursCertificate> issue(UUID volunteerId, @Valid @NotNull CertificateRequest request,
                                            String idempotencyKey) {
        if (request.to().isBefore(request.from())) {
            throw ProblemException.invalid("to", "must not be before from");
        }
        if (volunteers.findByIdOptional(volunteerId).isEmpty()) {
            return Optional.empty();
        }
        UUID id = idempotencyKeys.once("volunteer.hours-certificate." + volunteerId, idempotencyKey, request,
                () -> create(volunteerId, request).id);
        return certificates.findByIdOptional(id);
    }

    private HoursCertificate create(UUID volunteerId, CertificateRequest request) {
        Instant now = Instant.now();
        List<HoursEntry> covered = entries.inPeriod(volunteerId, request.from(), request.to(), now);
        if (covered.isEmpty()) {
            throw ProblemException.conflict("No service hours are recorded in this period",
                    "from", "no entries between from and to");
        }
        HoursCertificate certificate = new HoursCertificate();
        certificate.id = UUID.randomUUID();
        certificate.number = certificates.nextNumber(district.today());
        certificate.volunteerId = volunteerId;
        certificate.periodFrom = request.from();
        certificate.periodTo = request.to();
        certificate.issuingOrganisation = config.issuingOrganisation();
        certificate.totalHours = covered.stream().map(entry -> entry.hours).reduce(BigDecimal.ZERO, BigDecimal::add);
        certificate.issuedAt = now;
        covered.forEach(entry -> certificate.entryIds.add(entry.id));
        certificates.persist(certificate);
        return certificate;
    }

    /** The certificate, its reading recorded in the audit log: it is a document of a person's service. */
    @Transactional
    public Optional<HoursCertificate> export(UUID volunteerId, UUID certificateId) {
        Optional<HoursCertificate> certificate = certificates.findOf(volunteerId, certificateId);
        certificate.ifPresent(found -> auditLog.record(AuditAction.EXPORT, "HoursCertificate", found.id,
                "service-hours certificate " + found.number));
        return certificate;
    }

    /** The entries the certificate covers, oldest service first. */
    public List<HoursEntry> entriesOf(HoursCertificate certificate) {
        return entries.byIds(certificate.entryIds);
    }

    /** The name to print: the volunteer's name now, so an erased volunteer's certificate names no one. */
    public String volunteerName(HoursCertificate certificate) {
        return volunteers.findById(certificate.volunteerId).name;
    }
}
