package org.linkage.activity.mapping;

import org.linkage.activity.api.BeneficiaryResponse;
import org.linkage.activity.api.ConsentResponse;
import org.linkage.activity.api.FileEntryResponse;
import org.linkage.activity.api.GuardianRequest;
import org.linkage.activity.domain.Beneficiary;
import org.linkage.activity.domain.Consent;
import org.linkage.activity.domain.FileEntry;
import org.linkage.chassis.web.Coordinates;

import java.time.LocalDate;

public final class BeneficiaryMapper {

    /** Phones in full only for the responsible social worker; masked like 138****5678 for everybody else. */
    public static BeneficiaryResponse toResponse(Beneficiary beneficiary, LocalDate today, boolean fullPhones) {
        GuardianRequest guardian = beneficiary.guardian == null || beneficiary.guardian.name == null ? null
                : new GuardianRequest(beneficiary.guardian.name, phone(beneficiary.guardian.phone, fullPhones),
                beneficiary.guardian.relation);
        return new BeneficiaryResponse(beneficiary.id, beneficiary.focusGroup, beneficiary.fullName,
                phone(beneficiary.phone, fullPhones), beneficiary.address, beneficiary.birthDate,
                beneficiary.isMinorOn(today), new Coordinates(beneficiary.homeLatitude, beneficiary.homeLongitude),
                beneficiary.community, beneficiary.socialWorkerId, guardian, beneficiary.createdAt,
                beneficiary.updatedAt);
    }

    /** A child in a list of someone who is not their social worker: that the child exists, nothing about them. */
    public static BeneficiaryResponse toRedacted(Beneficiary beneficiary, LocalDate today) {
        return new BeneficiaryResponse(beneficiary.id, beneficiary.focusGroup, null, null, null, null,
                beneficiary.isMinorOn(today), null, beneficiary.community, beneficiary.socialWorkerId, null,
                beneficiary.createdAt, beneficiary.updatedAt);
    }

    static String phone(String phone, boolean full) {
        if (phone == null || full) {
            return phone;
        }
        String digits = phone.replaceAll("\\D", "");
        // The national number without a country code: +86 138 0000 5678 reads 138****5678.
        digits = digits.length() > 11 ? digits.substring(digits.length() - 11) : digits;
        if (digits.length() < 8) {
            return "*".repeat(digits.length());
        }
        return digits.substring(0, 3) + "****" + digits.substring(digits.length() - 4);
    }

    public static ConsentResponse toResponse(Consent consent) {
        return new ConsentResponse(consent.id, consent.beneficiaryId, consent.givenBy, consent.relation,
                consent.purpose, consent.givenAt, consent.recordedBy, consent.recordedAt);
    }

    public static FileEntryResponse toResponse(FileEntry entry) {
        return new FileEntryResponse(entry.id, entry.beneficiaryId, entry.kind, entry.text, entry.occurredAt,
                entry.author, entry.createdAt);
    }

    private BeneficiaryMapper() {
    }
}
