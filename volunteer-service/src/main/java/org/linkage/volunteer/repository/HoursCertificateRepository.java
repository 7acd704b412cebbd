package org.linkage.volunteer.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.linkage.volunteer.domain.HoursCertificate;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class HoursCertificateRepository implements PanacheRepositoryBase<HoursCertificate, UUID> {

    public Optional<HoursCertificate> findOf(UUID volunteerId, UUID certificateId) {
        return find("id = ?1 and volunteerId = ?2", certificateId, volunteerId).firstResultOptional();
    }

    public Optional<HoursCertificate> findByVerificationCode(String code) {
        return find("verificationCode", code).firstResultOptional();
    }

    /** Drops the issued PDFs of a volunteer whose personal data is erased: they carry the name. */
    public void forgetDocumentsOf(UUID volunteerId) {
        update("pdf = null, pdfSha256 = null where volunteerId = ?1", volunteerId);
    }

    /** A number that is unique and tells the year of issue, e.g. VH-2026-000042. */
    public String nextNumber(LocalDate issuedOn) {
        Number sequence = (Number) getEntityManager()
                .createNativeQuery("SELECT nextval('hours_certificate_number')").getSingleResult();
        return "VH-%d-%06d".formatted(issuedOn.getYear(), sequence.longValue());
    }
}
