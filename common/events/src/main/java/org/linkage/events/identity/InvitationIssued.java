package org.linkage.events.identity;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.linkage.events.Topics;
import org.linkage.events.volunteer.VolunteerEvent;

import java.time.Instant;
import java.util.UUID;

/**
 * Staff registered (or imported) a volunteer with a mobile number, or asked to send the invitation again: the
 * one-time code goes to that number by SMS. The only place the code exists in plain text besides the SMS itself;
 * it travels on {@link Topics#INVITATION_EVENTS}, not the volunteer events' topic: only notification-service reads
 * it, and it keeps records no longer than a code lives (docs/security.md).
 *
 * @param phone the mobile number, 11 digits
 * @param code  6 digits, single use, dead after {@code expiresAt} or a newer invitation
 */
public record InvitationIssued(UUID invitationId, UUID volunteerId, String phone, String code, Instant expiresAt)
        implements VolunteerEvent {

    public static final String TYPE = "InvitationIssued";

    public static InvitationIssued of(UUID invitationId, UUID volunteerId, String phone, String code,
                                      Instant expiresAt) {
        return new InvitationIssued(invitationId, volunteerId, phone, code, expiresAt);
    }

    @Override
    @JsonIgnore
    public String eventType() {
        return TYPE;
    }

    @Override
    @JsonIgnore
    public String topic() {
        return Topics.INVITATION_EVENTS;
    }

    /** Never the code: records are logged and printed. */
    @Override
    public String toString() {
        return "InvitationIssued[invitationId=" + invitationId + ", volunteerId=" + volunteerId + ", expiresAt="
                + expiresAt + "]";
    }
}
