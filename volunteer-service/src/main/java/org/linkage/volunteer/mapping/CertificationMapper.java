package org.linkage.volunteer.mapping;

import org.linkage.events.volunteer.CertificationExpired;
import org.linkage.events.volunteer.CertificationExpiring;
import org.linkage.events.volunteer.CertificationVerified;
import org.linkage.volunteer.api.CertificationResponse;
import org.linkage.volunteer.domain.Certification;

import java.time.LocalDate;

public final class CertificationMapper {

    public static CertificationResponse toResponse(Certification certification, LocalDate today) {
        return new CertificationResponse(certification.id, certification.volunteerId, certification.type,
                certification.number, certification.issuer, certification.issuedOn, certification.expiresOn,
                certification.documentRef, certification.verification, certification.verificationReason,
                certification.verifiedAt, certification.isValidOn(today), certification.createdAt);
    }

    public static CertificationVerified toVerified(Certification certification) {
        return CertificationVerified.of(certification.volunteerId, certification.id, certification.type,
                certification.expiresOn);
    }

    public static CertificationExpiring toExpiring(Certification certification) {
        return CertificationExpiring.of(certification.volunteerId, certification.id, certification.type,
                certification.expiresOn);
    }

    public static CertificationExpired toExpired(Certification certification) {
        return CertificationExpired.of(certification.volunteerId, certification.id, certification.type,
                certification.expiresOn);
    }

    private CertificationMapper() {
    }
}
