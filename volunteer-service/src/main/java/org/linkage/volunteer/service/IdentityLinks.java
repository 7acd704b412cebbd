package org.linkage.volunteer.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.linkage.chassis.audit.AuditAction;
import org.linkage.chassis.audit.AuditLog;
import org.linkage.chassis.outbox.Outbox;
import org.linkage.chassis.problem.ProblemException;
import org.linkage.chassis.security.CurrentUser;
import org.linkage.chassis.security.IdentityProjection;
import org.linkage.events.identity.IdentityLinked;
import org.linkage.events.identity.IdentityUnlinked;
import org.linkage.events.identity.VolunteerAccessChanged;
import org.linkage.volunteer.api.IdentityLinkRequest;
import org.linkage.volunteer.domain.IdentityLink;
import org.linkage.volunteer.domain.Volunteer;
import org.linkage.volunteer.domain.VolunteerStatus;
import org.linkage.volunteer.repository.IdentityLinkRepository;
import org.linkage.volunteer.repository.VolunteerRepository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Which logins act as which volunteer, and whether a volunteer may act at all. Every change is audited, published on
 * linkage.identity-events for the other services' projections, and applied to this service's own projection in the
 * same transaction, so that the very next request here already resolves the new way.
 */
@ApplicationScoped
public class IdentityLinks {

    static final String RESOURCE = "Volunteer";

    private final IdentityLinkRepository links;
    private final VolunteerRepository volunteers;
    private final Outbox outbox;
    private final IdentityProjection projection;
    private final AuditLog auditLog;
    private final CurrentUser user;

    IdentityLinks(IdentityLinkRepository links, VolunteerRepository volunteers, Outbox outbox,
                  IdentityProjection projection, AuditLog auditLog, CurrentUser user) {
        this.links = links;
        this.volunteers = volunteers;
        this.outbox = outbox;
        this.projection = projection;
        this.auditLog = auditLog;
        this.user = user;
    }

    /** The volunteer's logins; staff of the volunteer's community (or admins) only. */
    public List<IdentityLink> of(UUID volunteerId) {
        staffVolunteer(volunteerId);
        return links.ofVolunteer(volunteerId);
    }

    /** Staff link a login by hand (relinking one they unlinked, or a second phone's login). */
    @Transactional
    public IdentityLink linkByStaff(UUID volunteerId, @Valid @NotNull IdentityLinkRequest request) {
        Volunteer volunteer = staffVolunteer(volunteerId);
        requireMayAct(volunteer);
        return link(volunteerId, request.issuer().strip(), request.subject().strip(), IdentityLink.Via.STAFF,
                user.id());
    }

    /** Staff unlink a login: its next request is refused in every service. */
    @Transactional
    public void unlinkByStaff(UUID volunteerId, UUID linkId) {
        staffVolunteer(volunteerId);
        IdentityLink link = links.findByIdOptional(linkId).filter(found -> found.volunteerId.equals(volunteerId))
                .orElseThrow(() -> ProblemException.notFound("Identity link", linkId));
        unlink(link, "unlinked by staff");
    }

    /**
     * Links the login in the caller's transaction. 409 when it acts as another volunteer already; linking it again
     * to the same volunteer changes nothing.
     */
    IdentityLink link(UUID volunteerId, String issuer, String subject, IdentityLink.Via via, String linkedBy) {
        var existing = links.findByIdentity(issuer, subject);
        if (existing.isPresent()) {
            if (existing.get().volunteerId.equals(volunteerId)) {
                return existing.get();
            }
            throw linkedElsewhere();
        }
        IdentityLink link = new IdentityLink();
        link.id = UUID.randomUUID();
        link.issuer = issuer;
        link.subject = subject;
        link.volunteerId = volunteerId;
        link.via = via.name();
        link.linkedBy = linkedBy;
        link.linkedAt = Instant.now();
        links.persist(link);
        links.flush();
        IdentityLinked linked = IdentityLinked.of(volunteerId, issuer, subject, links.nextSequence());
        outbox.publish(linked);
        projection.apply(linked);
        auditLog.record(AuditAction.LINK, RESOURCE, volunteerId,
                "login " + subject + " of " + issuer + " linked (" + via + ")");
        return link;
    }

    /** 409 before anything is written: the login acts as someone else. */
    void requireNotLinkedElsewhere(UUID volunteerId, String issuer, String subject) {
        links.findByIdentity(issuer, subject).filter(link -> !link.volunteerId.equals(volunteerId))
                .ifPresent(link -> {
                    throw linkedElsewhere();
                });
    }

    private static ProblemException linkedElsewhere() {
        return ProblemException.conflict("This login is linked to another volunteer; staff must unlink it first",
                "subject", "is linked to another volunteer");
    }

    private void unlink(IdentityLink link, String why) {
        links.delete(link);
        IdentityUnlinked unlinked = IdentityUnlinked.of(link.volunteerId, link.issuer, link.subject,
                links.nextSequence());
        outbox.publish(unlinked);
        projection.apply(unlinked);
        auditLog.record(AuditAction.UNLINK, RESOURCE, link.volunteerId,
                "login " + link.subject + " of " + link.issuer + " " + why);
    }

    /** An erased volunteer keeps no logins. */
    void unlinkAll(UUID volunteerId) {
        links.ofVolunteer(volunteerId).forEach(link -> unlink(link, "unlinked at the erasure"));
    }

    /** Tells every service whether the volunteer may still act, after a status change or an erasure. */
    void accessChanged(Volunteer volunteer) {
        VolunteerAccessChanged changed = VolunteerAccessChanged.of(volunteer.id, access(volunteer),
                links.nextSequence());
        outbox.publish(changed);
        projection.apply(changed);
    }

    static String access(Volunteer volunteer) {
        if (volunteer.erasedAt != null) {
            return "ERASED";
        }
        return switch (volunteer.status) {
            case PENDING, ACTIVE -> VolunteerAccessChanged.ALLOWED;
            case SUSPENDED, DEACTIVATED -> volunteer.status.name();
        };
    }

    /** The volunteer, if the calling member of staff serves their community (admins serve every one). */
    Volunteer staffVolunteer(UUID volunteerId) {
        Volunteer volunteer = volunteers.findByIdOptional(volunteerId)
                .orElseThrow(() -> ProblemException.notFound("Volunteer", volunteerId));
        user.requireCommunity(volunteer.homeCommunity);
        return volunteer;
    }

    /** Deactivated and erased volunteers get no new logins or invitations. */
    static void requireMayAct(Volunteer volunteer) {
        VolunteerService.requireNotErased(volunteer);
        if (volunteer.status == VolunteerStatus.DEACTIVATED) {
            throw ProblemException.conflict("Volunteer " + volunteer.id + " is deactivated");
        }
    }
}
