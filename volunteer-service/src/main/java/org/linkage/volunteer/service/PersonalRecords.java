package org.linkage.volunteer.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.linkage.volunteer.repository.AvailabilityRepository;
import org.linkage.volunteer.repository.CertificationRepository;
import org.linkage.volunteer.repository.TeamMemberRepository;

import java.util.UUID;

/** The records about a volunteer, other than the profile, that go when their personal data is erased. */
@ApplicationScoped
class PersonalRecords {

    private final CertificationRepository certifications;
    private final AvailabilityRepository availabilities;
    private final TeamMemberRepository teamMembers;

    PersonalRecords(CertificationRepository certifications, AvailabilityRepository availabilities,
                    TeamMemberRepository teamMembers) {
        this.certifications = certifications;
        this.availabilities = availabilities;
        this.teamMembers = teamMembers;
    }

    /** Certificates carry numbers that identify the holder; availability and teams say where they are when. */
    void forgetRecordsOf(UUID volunteerId) {
        certifications.delete("volunteerId", volunteerId);
        availabilities.delete("volunteerId", volunteerId);
        teamMembers.removeVolunteer(volunteerId);
    }
}
