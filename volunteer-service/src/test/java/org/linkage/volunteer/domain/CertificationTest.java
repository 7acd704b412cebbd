package org.linkage.volunteer.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CertificationTest {

    private static Certification expiringOn(LocalDate expiresOn, Verification verification) {
        Certification certification = new Certification();
        certification.issuedOn = expiresOn.minusYears(3);
        certification.expiresOn = expiresOn;
        certification.verification = verification;
        return certification;
    }

    @Test
    void aVerifiedCertificationCountsUpToTheDayBeforeItsExpiryDate() {
        Certification certification = expiringOn(LocalDate.of(2027, 6, 1), Verification.VERIFIED);
        assertTrue(certification.isValidOn(LocalDate.of(2027, 5, 31)));
        assertFalse(certification.isValidOn(LocalDate.of(2027, 6, 1)));
        assertFalse(certification.isValidOn(LocalDate.of(2028, 1, 1)));
    }

    @Test
    void anUnverifiedOrRejectedCertificationNeverCounts() {
        LocalDate day = LocalDate.of(2027, 1, 1);
        assertFalse(expiringOn(LocalDate.of(2027, 6, 1), Verification.PENDING).isValidOn(day));
        assertFalse(expiringOn(LocalDate.of(2027, 6, 1), Verification.REJECTED).isValidOn(day));
    }
}
