package org.linkage.activity.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.linkage.activity.api.RaiseNeedRequest;
import org.linkage.activity.domain.Activity;
import org.linkage.activity.domain.Beneficiary;
import org.linkage.activity.domain.HazardReport;
import org.linkage.activity.domain.MicroWish;
import org.linkage.activity.domain.Need;
import org.linkage.activity.domain.Pairing;
import org.linkage.activity.domain.SignUp;
import org.linkage.activity.repository.BeneficiaryRepository;
import org.linkage.activity.repository.StationRepository;
import org.linkage.chassis.audit.AuditAction;
import org.linkage.chassis.audit.AuditLog;
import org.linkage.chassis.problem.ProblemException;
import org.linkage.chassis.security.CurrentUser;
import org.linkage.chassis.security.Scopes;
import org.linkage.chassis.time.DistrictConfig;

import java.util.Objects;
import java.util.UUID;

/**
 * Who may see and change what (object level): social workers act within their community, admins anywhere; a child's
 * record is the responsible social worker's and the station lead's alone; an integrator sees the needs it raised; a
 * volunteer sees a need while they hold an offer or an assignment for it, and acts on their own sign-ups, claims and
 * reports.
 */
@ApplicationScoped
public class Access {

    private final CurrentUser user;
    private final StationRepository stations;
    private final NeedService needs;
    private final AuditLog audit;
    private final BeneficiaryRepository beneficiaries;
    private final DistrictConfig district;

    Access(CurrentUser user, StationRepository stations, NeedService needs, AuditLog audit,
           BeneficiaryRepository beneficiaries, DistrictConfig district) {
        this.district = district;
        this.user = user;
        this.beneficiaries = beneficiaries;
        this.stations = stations;
        this.needs = needs;
        this.audit = audit;
    }

    public CurrentUser user() {
        return user;
    }

    /**
     * Staff of the beneficiary's community; for a child, only the responsible social worker or the community's station
     * lead, and audited.
     */
    public Beneficiary beneficiary(Beneficiary beneficiary, String purpose) {
        user.requireCommunity(beneficiary.community);
        if (isProtectedChild(beneficiary)) {
            if (!isResponsibleFor(beneficiary)) {
                throw ProblemException.forbidden("A child's file is for the responsible social worker and the "
                        + "station lead only");
            }
            audit.record(AuditAction.READ, "Beneficiary", beneficiary.id, purpose);
        }
        return beneficiary;
    }

    /**
     * A pairing's decisions (confirm, consent, activate, sessions, end): staff of the beneficiary's community; for a
     * child, the responsible social worker or the station lead alone.
     */
    public Pairing managePairing(Pairing pairing, Beneficiary beneficiary) {
        user.requireCommunity(pairing.community);
        if (isProtectedChild(beneficiary) && !isResponsibleFor(beneficiary)) {
            throw ProblemException.forbidden("A child's pairing is for the responsible social worker and the "
                    + "station lead only");
        }
        return pairing;
    }

    /** The paired volunteer, or whoever manages the pairing. */
    public Pairing readPairing(Pairing pairing, Beneficiary beneficiary) {
        if (user.isVolunteer()) {
            return pairedVolunteer(pairing);
        }
        return managePairing(pairing, beneficiary);
    }

    /** The volunteer of the pairing, and nobody else. */
    public Pairing pairedVolunteer(Pairing pairing) {
        if (!user.isVolunteer() || !pairing.volunteerId.equals(user.volunteerId())) {
            throw ProblemException.forbidden("Only the paired volunteer may do this");
        }
        return pairing;
    }

    /** Records an attempt that was refused (in a transaction of its own: the attempt's own was rolled back). */
    public void refused(String resourceType, UUID id, String what) {
        audit.record(AuditAction.UPDATE, resourceType, id, what.length() > 500 ? what.substring(0, 500) : what);
    }

    /** Records that the caller read a beneficiary's personal data, and why. */
    public void audited(UUID beneficiaryId, String purpose) {
        audit.record(AuditAction.READ, "Beneficiary", beneficiaryId, purpose);
    }

    /** A CHILD record or anyone under 18 by birth date. */
    public boolean isProtectedChild(Beneficiary beneficiary) {
        return beneficiary.isProtectedChild(district.today());
    }

    /** The responsible social worker, or the station lead of the beneficiary's community: who sees a child in full. */
    public boolean isResponsibleFor(Beneficiary beneficiary) {
        return user.isSocialWorker() && Objects.equals(user.subject(), beneficiary.socialWorkerId)
                || user.isStationLead() && user.servesCommunity(beneficiary.community);
    }

    /** A social worker registers and raises within their own community. */
    public void community(String community) {
        user.requireCommunity(community);
    }

    /** The community a social worker's list is confined to; an admin's filter as given. */
    public String listedCommunity(String requested) {
        if (user.isAdmin()) {
            return requested;
        }
        String own = user.community().orElseThrow(() -> ProblemException.forbidden("No community in the token"));
        if (requested != null && !requested.equals(own)) {
            throw ProblemException.forbidden("This belongs to another community");
        }
        return own;
    }

    /**
     * Raising: an integrator needs the scope; a social worker raises within their community (the beneficiary's, or
     * their own when none is named); a child's needs are raised by the responsible social worker or the station lead
     * only. Everyone raises in their own name (NeedService takes requestedBy from the token).
     *
     * @return the request, placed in the social worker's community when it named none
     */
    public RaiseNeedRequest raise(RaiseNeedRequest request) {
        user.requireScopeIfIntegrator(Scopes.NEEDS_WRITE);
        if (request.beneficiaryId() != null) {
            beneficiaries.findByIdOptional(request.beneficiaryId()).ifPresent(beneficiary -> {
                if (!user.isIntegrator()) {
                    user.requireCommunity(beneficiary.community);
                }
                if (isProtectedChild(beneficiary) && !isResponsibleFor(beneficiary)) {
                    throw ProblemException.forbidden("A child's needs are raised by the responsible social worker "
                            + "or the station lead only");
                }
            });
            return request;
        }
        if (user.isIntegrator()) {
            return request;
        }
        if (request.community() == null && user.isSocialWorker()) {
            return request.inCommunity(user.community().orElse(null));
        }
        if (request.community() != null) {
            user.requireCommunity(request.community());
        }
        return request;
    }

    /** Needs at a beneficiary's home show a volunteer only the blurred place until they have accepted. */
    public boolean seesExactLocation(Need need) {
        return !user.isVolunteer() || !need.atBeneficiaryHome || need.assignmentOf(user.volunteerId()).isPresent();
    }

    public Need readNeed(Need need) {
        if (user.isVolunteer()) {
            if (!needs.isOfferedToOrAssigned(need, user.volunteerId())) {
                throw ProblemException.forbidden("Not offered to or assigned to this volunteer");
            }
        } else if (user.isIntegrator()) {
            if (!user.subject().equals(need.requestedBy)) {
                throw ProblemException.forbidden("An integrator reads only the needs it raised");
            }
        } else {
            user.requireCommunity(need.community);
        }
        return need;
    }

    /** The social worker's actions on a need. */
    public Need manageNeed(Need need) {
        user.requireCommunity(need.community);
        return need;
    }

    public void self(UUID volunteerId) {
        user.requireSelfOrStaff(volunteerId);
    }

    /** Staff of the station's community. */
    public Activity manageActivity(Activity activity) {
        user.requireCommunity(communityOf(activity));
        return activity;
    }

    /** A volunteer for themselves, staff of the station's community for anyone. */
    public void actOnActivityFor(Activity activity, UUID volunteerId) {
        if (user.isVolunteer()) {
            user.requireSelfOrStaff(volunteerId);
        } else {
            manageActivity(activity);
        }
    }

    public void cancelSignUp(Activity activity, SignUp signUp) {
        actOnActivityFor(activity, signUp.volunteerId);
    }

    public MicroWish manageWish(MicroWish wish) {
        user.requireCommunity(wish.community);
        return wish;
    }

    /** Volunteers browse wishes to claim one; staff see their community's. */
    public MicroWish readWish(MicroWish wish) {
        return user.isVolunteer() ? wish : manageWish(wish);
    }

    /** Staff of the report's community, or the volunteer who sent it. */
    public HazardReport readHazard(HazardReport hazard) {
        if (user.isVolunteer()) {
            user.requireSelfOrStaff(hazard.reportedBy);
            return hazard;
        }
        return manageHazard(hazard);
    }

    public HazardReport manageHazard(HazardReport hazard) {
        user.requireCommunity(hazard.community);
        return hazard;
    }

    private String communityOf(Activity activity) {
        return stations.findByIdOptional(activity.stationId).map(station -> station.community).orElse(null);
    }
}
