package org.linkage.events.volunteer;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A verified certification reached its expiry date and no longer counts. Sent once per certification.
 *
 * @param expiresOn the first day the certification no longer counts
 */
public record CertificationExpired(
        UUID volunteerId,
        UUID certificationId,
        String certificationType,
        LocalDate expiresOn) implements VolunteerEvent {

    public static final String TYPE = "CertificationExpired";

    public static CertificationExpired of(UUID volunteerId, UUID certificationId, String certificationType, LocalDate expiresOn) {
        return new CertificationExpired(volunteerId, certificationId, certificationType, expiresOn);
    }

    @Override
    @JsonIgnore
    public String eventType() {
        return TYPE;
    }
}
