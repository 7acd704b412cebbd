package org.linkage.volunteer.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.linkage.chassis.audit.AuditAction;
import org.linkage.chassis.audit.AuditLog;
import org.linkage.chassis.input.ChinaMobile;
import org.linkage.chassis.outbox.Outbox;
import org.linkage.chassis.problem.ProblemException;
import org.linkage.chassis.security.CurrentUser;
import org.linkage.events.identity.InvitationIssued;
import org.linkage.volunteer.api.RedemptionRequest;
import org.linkage.volunteer.config.InvitationConfig;
import org.linkage.volunteer.domain.IdentityLink;
import org.linkage.volunteer.domain.Invitation;
import org.linkage.volunteer.domain.InvitationCodes;
import org.linkage.volunteer.domain.Volunteer;
import org.linkage.volunteer.repository.InvitationRepository;
import org.linkage.volunteer.repository.VolunteerRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Invitations of volunteers staff registered: a one-time code by SMS (InvitationIssued → notification-service), which
 * the volunteer, logged in with a login not linked yet, enters to link it. Staff may send a new code (the old one
 * dies) or revoke it, within their community.
 */
@ApplicationScoped
public class Invitations {

    private final InvitationRepository invitations;
    private final VolunteerRepository volunteers;
    private final IdentityLinks identityLinks;
    private final Outbox outbox;
    private final AuditLog auditLog;
    private final InvitationConfig config;
    private final CurrentUser user;

    Invitations(InvitationRepository invitations, VolunteerRepository volunteers, IdentityLinks identityLinks,
                Outbox outbox, AuditLog auditLog, InvitationConfig config, CurrentUser user) {
        this.invitations = invitations;
        this.volunteers = volunteers;
        this.identityLinks = identityLinks;
        this.outbox = outbox;
        this.auditLog = auditLog;
        this.config = config;
        this.user = user;
    }

    /** Sends the volunteer a new code in the caller's transaction; an open invitation before it dies. */
    Invitation issue(Volunteer volunteer, String issuedBy) {
        Instant now = Instant.now();
        invitations.latestOfVolunteer(volunteer.id).filter(open -> open.status == Invitation.Status.PENDING)
                .ifPresent(open -> close(open, Invitation.Status.SUPERSEDED, now));
        invitations.flush();
        String code = InvitationCodes.newCode();
        Invitation invitation = new Invitation();
        invitation.id = UUID.randomUUID();
        invitation.volunteerId = volunteer.id;
        invitation.phone = volunteer.phone;
        invitation.codeHash = InvitationCodes.hash(config.pepper(), invitation.id, code);
        invitation.status = Invitation.Status.PENDING;
        invitation.expiresAt = now.plus(config.validity());
        invitation.issuedBy = issuedBy;
        invitation.issuedAt = now;
        invitations.persist(invitation);
        outbox.publish(InvitationIssued.of(invitation.id, volunteer.id, volunteer.phone, code, invitation.expiresAt));
        return invitation;
    }

    /** The volunteer's newest invitation, for staff of their community. */
    public Optional<Invitation> latest(UUID volunteerId) {
        identityLinks.staffVolunteer(volunteerId);
        return invitations.find("volunteerId", io.quarkus.panache.common.Sort.descending("issuedAt"), volunteerId)
                .firstResultOptional();
    }

    /** Staff send a new code; the one before cannot be used any more. */
    @Transactional
    public Invitation resend(UUID volunteerId) {
        Volunteer volunteer = identityLinks.staffVolunteer(volunteerId);
        IdentityLinks.requireMayAct(volunteer);
        Invitation invitation = issue(volunteer, user.id());
        auditLog.record(AuditAction.CREATE, "Invitation", invitation.id, "invitation code sent again to volunteer "
                + volunteerId);
        return invitation;
    }

    /** Staff take the open invitation back. */
    @Transactional
    public Invitation revoke(UUID volunteerId) {
        identityLinks.staffVolunteer(volunteerId);
        Invitation invitation = invitations.latestOfVolunteer(volunteerId)
                .filter(open -> open.status == Invitation.Status.PENDING)
                .orElseThrow(() -> ProblemException.notFound("Open invitation of volunteer", volunteerId));
        close(invitation, Invitation.Status.REVOKED, Instant.now());
        auditLog.record(AuditAction.DELETE, "Invitation", invitation.id, "invitation of volunteer " + volunteerId
                + " revoked");
        return invitation;
    }

    /**
     * Links the caller's login to the invited volunteer when the code is right. A wrong code is counted even though
     * the request fails (hence no rollback for problems: every problem below is raised before anything else is
     * written); the link and the used invitation commit together.
     */
    @Transactional(dontRollbackOn = ProblemException.class)
    public Volunteer redeem(@Valid @NotNull RedemptionRequest request) {
        if (user.linkedVolunteer().isPresent()) {
            throw ProblemException.conflict("Your login is linked to a volunteer already");
        }
        String phone = ChinaMobile.national(request.phone()).orElseThrow();
        Instant now = Instant.now();
        Invitation invitation = invitations.latestToPhone(phone).orElseThrow(() ->
                ProblemException.unprocessable("phone", "no invitation was sent to this number"));
        switch (InvitationCodes.standing(invitation, now)) {
            case EXPIRED -> throw new ProblemException(410, "invitation-expired", "Invitation expired",
                    "The code expired at " + invitation.expiresAt + "; ask your service station to send a new one",
                    List.of());
            case LOCKED -> throw new ProblemException(423, "invitation-locked", "Invitation locked",
                    "Too many wrong codes; ask your service station to send a new one", List.of());
            case CLOSED -> throw new ProblemException(410, "invitation-closed", "Invitation no longer valid",
                    "This invitation was " + invitation.status.name().toLowerCase(java.util.Locale.ROOT)
                            + "; ask your service station to send a new one", List.of());
            case OPEN -> {
            }
        }
        identityLinks.requireNotLinkedElsewhere(invitation.volunteerId, user.issuer(), user.subject());
        if (!InvitationCodes.matches(config.pepper(), invitation, request.code())) {
            int left = InvitationCodes.wrongCode(invitation, config.maxAttempts(), now);
            if (left == 0) {
                throw new ProblemException(423, "invitation-locked", "Invitation locked",
                        "Wrong code; the invitation is now locked: ask your service station to send a new one",
                        List.of(new org.linkage.chassis.problem.Violation("code", "is wrong; 0 attempts left")));
            }
            throw ProblemException.unprocessable("code", "is wrong; " + left + " attempt" + (left == 1 ? "" : "s")
                    + " left");
        }
        Volunteer volunteer = volunteers.findById(invitation.volunteerId);
        IdentityLinks.requireMayAct(volunteer);
        close(invitation, Invitation.Status.REDEEMED, now);
        identityLinks.link(volunteer.id, user.issuer(), user.subject(), IdentityLink.Via.INVITATION,
                volunteer.id.toString());
        return volunteer;
    }

    public int attemptsLeft(Invitation invitation) {
        return Math.max(0, config.maxAttempts() - invitation.failedAttempts);
    }

    private static void close(Invitation invitation, Invitation.Status status, Instant at) {
        invitation.status = status;
        invitation.closedAt = at;
    }
}
