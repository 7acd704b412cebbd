package org.linkage.volunteer.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.linkage.chassis.audit.AuditAction;
import org.linkage.chassis.audit.AuditLog;
import org.linkage.chassis.idempotency.IdempotencyKeys;
import org.linkage.chassis.problem.ProblemException;
import org.linkage.chassis.tabular.Masks;
import org.linkage.chassis.time.DistrictConfig;
import org.linkage.volunteer.api.CertificateRequest;
import org.linkage.volunteer.api.CertificateRevocationRequest;
import org.linkage.volunteer.config.HoursConfig;
import org.linkage.volunteer.domain.CertificateVerification;
import org.linkage.volunteer.domain.HoursCertificate;
import org.linkage.volunteer.domain.HoursEntry;
import org.linkage.volunteer.domain.Volunteer;
import org.linkage.volunteer.mapping.CertificatePdf;
import org.linkage.volunteer.mapping.HoursMapper;
import org.linkage.volunteer.repository.HoursCertificateRepository;
import org.linkage.volunteer.repository.HoursEntryRepository;
import org.linkage.volunteer.repository.VolunteerHoursRepository;
import org.linkage.volunteer.repository.VolunteerRepository;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Issues service-hours certificates; free of charge and drawn only from the ledger, as the national rules ask. The PDF
 * is rendered once, at issue, and kept with its SHA-256, so that the public verification its QR code links to can tell
 * an unaltered copy from an altered one.
 */
@ApplicationScoped
public class HoursCertificates {

    private final HoursCertificateRepository certificates;
    private final HoursEntryRepository entries;
    private final VolunteerRepository volunteers;
    private final VolunteerHoursRepository totals;
    private final IdempotencyKeys idempotencyKeys;
    private final HoursConfig config;
    private final DistrictConfig district;
    private final AuditLog auditLog;

    HoursCertificates(HoursCertificateRepository certificates, HoursEntryRepository entries,
                      VolunteerRepository volunteers, VolunteerHoursRepository totals, IdempotencyKeys idempotencyKeys,
                      HoursConfig config, DistrictConfig district, AuditLog auditLog) {
        this.auditLog = auditLog;
        this.totals = totals;
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
        // As PostgreSQL keeps it: the issue answer and every later reading (and verification) agree.
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
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
        certificate.starLevel = totals.findByIdOptional(volunteerId).map(total -> total.starLevel).orElse(0);
        certificate.verificationCode = CertificateVerification.newCode();
        covered.forEach(entry -> certificate.entryIds.add(entry.id));
        certificates.persist(certificate);
        keepPdf(certificate);
        return certificate;
    }

    /** Renders and keeps the PDF of a certificate that has none: at issue, or issued before PDFs were kept. */
    private void keepPdf(HoursCertificate certificate) {
        if (certificate.pdf == null && !holderErased(certificate)) {
            certificate.pdf = render(certificate);
            certificate.pdfSha256 = CertificateVerification.sha256(certificate.pdf);
        }
    }

    private byte[] render(HoursCertificate certificate) {
        return CertificatePdf.render(HoursMapper.toResponse(certificate, volunteerName(certificate),
                entriesOf(certificate), verificationUrl(certificate)), district.timeZone());
    }

    private boolean holderErased(HoursCertificate certificate) {
        return volunteers.findById(certificate.volunteerId).erasedAt != null;
    }

    /** The certificate, its reading recorded in the audit log: it is a document of a person's service. */
    @Transactional
    public Optional<HoursCertificate> export(UUID volunteerId, UUID certificateId) {
        Optional<HoursCertificate> certificate = certificates.findOf(volunteerId, certificateId);
        certificate.ifPresent(found -> {
            auditLog.record(AuditAction.EXPORT, "HoursCertificate", found.id,
                    "service-hours certificate " + found.number);
            keepPdf(found);
        });
        return certificate;
    }

    /**
     * Staff revoke one certificate: its verification says REVOKED from now on. Audited (UPDATE, with the reason);
     * a certificate revoked already is a conflict, so the first reason stands.
     */
    @Transactional
    public Optional<HoursCertificate> revoke(UUID volunteerId, UUID certificateId,
                                             @Valid @NotNull CertificateRevocationRequest request, String actor) {
        return certificates.findOf(volunteerId, certificateId).map(certificate -> {
            if (certificate.revokedAt != null) {
                throw ProblemException.conflict("Certificate " + certificate.number + " was revoked already at "
                        + certificate.revokedAt, "certificateId", "is revoked already");
            }
            certificate.revokedAt = Instant.now();
            certificate.revokedBy = actor;
            certificate.revocationReason = request.reason().strip();
            auditLog.record(AuditAction.UPDATE, "HoursCertificate", certificate.id,
                    "revoked service-hours certificate " + certificate.number + ": " + certificate.revocationReason);
            return certificate;
        });
    }

    /** A certificate's PDF with its number, for download. */
    public record Printed(String number, byte[] pdf) {
    }

    /**
     * The certificate's PDF as issued, its reading audited like {@link #export}. An erased volunteer's was dropped
     * with their personal data: it is printed anew, naming no one, and its verification says it is revoked.
     */
    @Transactional
    public Optional<Printed> exportPdf(UUID volunteerId, UUID certificateId) {
        return export(volunteerId, certificateId).map(found ->
                new Printed(found.number, found.pdf != null ? found.pdf : render(found)));
    }

    /** What the public may know of the certificate with this code; empty when no certificate has it. */
    @Transactional
    public Optional<CertificateVerification> verify(String code) {
        return certificates.findByVerificationCode(code).map(certificate -> {
            keepPdf(certificate);
            Volunteer holder = volunteers.findById(certificate.volunteerId);
            boolean revoked = holder.erasedAt != null || certificate.revokedAt != null;
            return new CertificateVerification(certificate.number, revoked, certificate.issuedAt,
                    certificate.issuingOrganisation, revoked ? null : Masks.name(holder.name),
                    revoked ? null : certificate.pdfSha256);
        });
    }

    /** The public verification address of the certificate. */
    public String verificationUrl(HoursCertificate certificate) {
        return config.verificationUrl(certificate.verificationCode);
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
