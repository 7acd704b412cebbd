package org.linkage.volunteer.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.linkage.volunteer.repository.AvailabilityRepository;
import org.linkage.volunteer.repository.CertificationRepository;
import org.linkage.volunteer.repository.HoursCertificateRepository;
import org.linkage.volunteer.repository.TeamMemberRepository;

import java.util.UUID;

/** The records about a volunteer, other than the profile, that go when their personal data is erased. */
@ApplicationScoped
class PersonalRecords {

    private final CertificationRepository certifications;
    private final AvailabilityRepository availabilities;
    private final TeamMemberRepository teamMembers;
    private final HoursCertificateRepository hoursCertificates;

    PersonalRecords(CertificationRepository certifications, AvailabilityRepository availabilities,
                    TeamMemberRepository teamMembers, HoursCertificateRepository hoursCertificates) {
        this.certifications = certifications;
        this.availabilities = availabilities;
        this.teamMembers = teamMembers;
        this.hoursCertificates = hoursCertificates;
    }

    /**
     * Certificates carry numbers that identify the holder; availability and teams say where they are when; issued
     * hours certificates print the name (their records stay, with the ledger, and their verification says revoked).
     */
    void forgetRecordsOf(UUID volunteerId) {
        certifications.delete("volunteerId", volunteerId);
        availabilities.delete("volunteerId", volunteerId);
        teamMembers.removeVolunteer(volunteerId);
        hoursCertificates.forgetDocumentsOf(volunteerId);
    }
}
