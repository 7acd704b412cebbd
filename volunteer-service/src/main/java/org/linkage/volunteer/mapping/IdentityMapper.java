package org.linkage.volunteer.mapping;

import org.linkage.volunteer.api.IdentityLinkResponse;
import org.linkage.volunteer.api.InvitationResponse;
import org.linkage.volunteer.domain.IdentityLink;
import org.linkage.volunteer.domain.Invitation;

import java.time.Instant;

public final class IdentityMapper {

    private IdentityMapper() {
    }

    public static IdentityLinkResponse toResponse(IdentityLink link) {
        return new IdentityLinkResponse(link.id, link.volunteerId, link.issuer, link.subject, link.via, link.linkedBy,
                link.linkedAt);
    }

    public static InvitationResponse toResponse(Invitation invitation, int attemptsLeft) {
        boolean expired = invitation.status == Invitation.Status.PENDING
                && !Instant.now().isBefore(invitation.expiresAt);
        return new InvitationResponse(invitation.id, invitation.volunteerId, masked(invitation.phone),
                invitation.status.name(), expired, attemptsLeft, invitation.expiresAt, invitation.issuedBy,
                invitation.issuedAt);
    }

    /** 138****5678: enough for staff to recognise the number on the phone in front of them. */
    static String masked(String phone) {
        return phone.length() < 7 ? "****" : phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
    }
}
