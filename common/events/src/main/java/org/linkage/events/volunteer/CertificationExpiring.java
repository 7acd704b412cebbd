package org.linkage.events.volunteer;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A verified certification expires within 30 days: the volunteer should renew it. Sent once per certification.
 *
 * @param expiresOn the first day the certification no longer counts
 */
public record CertificationExpiring(
        UUID volunteerId,
        UUID certificationId,
        String certificationType,
        LocalDate expiresOn) implements VolunteerEvent {

    public static final String TYPE = "CertificationExpiring";

    public static CertificationExpiring of(UUID volunteerId, UUID certificationId, String certificationType, LocalDate expiresOn) {
        return new CertificationExpiring(volunteerId, certificationId, certificationType, expiresOn);
    }

    @Override
    @JsonIgnore
    public String eventType() {
        return TYPE;
    }
}
