package org.linkage.events.volunteer;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Staff verified a volunteer's certification: it counts for matching until it expires.
 *
 * @param expiresOn the first day the certification no longer counts
 */
public record CertificationVerified(
        UUID volunteerId,
        UUID certificationId,
        String certificationType,
        LocalDate expiresOn) implements VolunteerEvent {

    public static final String TYPE = "CertificationVerified";

    public static CertificationVerified of(UUID volunteerId, UUID certificationId, String certificationType, LocalDate expiresOn) {
        return new CertificationVerified(volunteerId, certificationId, certificationType, expiresOn);
    }

    @Override
    @JsonIgnore
    public String eventType() {
        return TYPE;
    }
}
