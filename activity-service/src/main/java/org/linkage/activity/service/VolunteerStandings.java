package org.linkage.activity.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;
import org.linkage.activity.api.SignUpCancellationRequest;
import org.linkage.activity.domain.Activity;
import org.linkage.activity.domain.CancelledBy;
import org.linkage.activity.domain.Pairing;
import org.linkage.activity.domain.SignUp;
import org.linkage.activity.domain.VolunteerCredential;
import org.linkage.activity.domain.VolunteerGroup;
import org.linkage.activity.domain.VolunteerStanding;
import org.linkage.activity.repository.PairingRepository;
import org.linkage.activity.repository.SignUpRepository;
import org.linkage.activity.repository.VolunteerCredentialRepository;
import org.linkage.activity.repository.VolunteerStandingRepository;
import org.linkage.chassis.problem.ProblemException;
import org.linkage.chassis.time.DatabaseClock;
import org.linkage.chassis.time.DistrictConfig;
import org.linkage.events.EventEnvelope;
import org.linkage.events.volunteer.CertificationExpired;
import org.linkage.events.volunteer.CertificationVerified;
import org.linkage.events.volunteer.VolunteerChanged;
import org.linkage.events.volunteer.VolunteerErased;
import org.linkage.events.volunteer.VolunteerRegistered;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Who may work with children, learnt from volunteer-service's events: an ACTIVE volunteer (not pending, suspended,
 * deactivated or erased) holding a background check valid on the day. Every write is guarded by the event's time or
 * is final (erasure, expiry), so a replay rebuilds the same view.
 */
@ApplicationScoped
public class VolunteerStandings {

    private final VolunteerStandingRepository standings;
    private final VolunteerCredentialRepository credentials;
    private final PairingRepository pairings;
    private final PairingService pairingService;
    private final SignUpRepository signUps;
    private final Instance<ActivityService> activities;
    private final DistrictConfig district;

    VolunteerStandings(VolunteerStandingRepository standings, VolunteerCredentialRepository credentials,
                       PairingRepository pairings, PairingService pairingService, SignUpRepository signUps,
                       Instance<ActivityService> activities, DistrictConfig district) {
        this.district = district;
        this.signUps = signUps;
        this.activities = activities;
        this.standings = standings;
        this.credentials = credentials;
        this.pairings = pairings;
        this.pairingService = pairingService;
    }

    /**
     * The groups a need or an activity names, each once: built in, or held by some volunteer known here (a group
     * type an admin added reaches this service with its first volunteer; a typo reaches nobody).
     *
     * @throws ProblemException 422 naming {@code field[i]} for a group nobody known here belongs to
     */
    public List<String> knownGroups(String field, List<String> groups) {
        List<String> distinct = groups.stream().distinct().toList();
        Set<String> held = standings.groupTypesHeld(distinct.stream()
                .filter(group -> !VolunteerGroup.BUILT_IN.contains(group)).toList());
        for (String group : distinct) {
            if (!VolunteerGroup.BUILT_IN.contains(group) && !held.contains(group)) {
                throw ProblemException.unprocessable(field + "[" + groups.indexOf(group) + "]",
                        "is a volunteer group type no volunteer known here belongs to");
            }
        }
        return distinct;
    }

    @Transactional
    public void registered(VolunteerRegistered event, EventEnvelope envelope) {
        status(event.volunteerId(), event.active(), event.skills(), event.groupType(), envelope);
    }

    @Transactional
    public void changed(VolunteerChanged event, EventEnvelope envelope) {
        status(event.volunteerId(), event.active(), event.skills(), event.groupType(), envelope);
    }

    /**
     * Final: the volunteer is never active again, their certifications are forgotten, their pairings not yet ended
     * end, and their places at activities still to come are given up. (Rows keep only the id: no personal data of
     * volunteers is held here.)
     */
    @Transactional
    public void erased(VolunteerErased event, EventEnvelope envelope) {
        VolunteerStanding standing = standingOf(event.volunteerId(), envelope);
        standing.erased = true;
        standing.active = false;
        credentials.delete("volunteerId", event.volunteerId());
        for (Pairing pairing : pairings.ofVolunteer(event.volunteerId(), false)) {
            pairingService.endForVolunteerErased(pairing.id);
        }
        // Their places at activities still to come go to others (the waitlist moves up), cancelled by staff.
        for (SignUp signUp : signUps.liveBeforeStart(event.volunteerId(), DatabaseClock.now())) {
            activities.get().cancelSignUp(signUp.activityId, signUp.id,
                    new SignUpCancellationRequest(CancelledBy.STAFF));
        }
    }

    @Transactional
    public void verified(CertificationVerified event) {
        if (standings.findByIdOptional(event.volunteerId()).filter(s -> s.erased).isPresent()) {
            return;
        }
        VolunteerCredential credential = credentials.findByIdOptional(event.certificationId()).orElse(null);
        if (credential == null) {
            credential = new VolunteerCredential();
            credential.certificationId = event.certificationId();
            credential.volunteerId = event.volunteerId();
            credential.certificationType = event.certificationType();
            credential.expiresOn = event.expiresOn();
            credentials.persist(credential);
        } else if (!credential.expired) {
            credential.expiresOn = event.expiresOn();
        }
    }

    @Transactional
    public void expired(CertificationExpired event) {
        credentials.findByIdOptional(event.certificationId()).ifPresent(credential -> credential.expired = true);
    }

    /**
     * @throws ProblemException 422 on volunteerId when the volunteer is not active (or unknown here), or holds no
     *                          background check valid on the day
     */
    public void requireTrustedWithChildren(UUID volunteerId, LocalDate day) {
        VolunteerStanding standing = standings.findByIdOptional(volunteerId).orElse(null);
        if (standing == null || !standing.active || standing.erased) {
            throw ProblemException.unprocessable("volunteerId", "is not an active volunteer (pending, suspended, "
                    + "deactivated, erased or unknown): children's work is refused");
        }
        if (credentials.of(volunteerId, VolunteerCredential.BACKGROUND_CHECK).stream()
                .noneMatch(credential -> credential.validOn(day))) {
            throw ProblemException.unprocessable("volunteerId", "holds no background check valid on " + day
                    + ": children's work is refused");
        }
    }

    /**
     * What an activity requires of the volunteer, on its day: its skills (as volunteer-service last described the
     * volunteer), its certifications valid that day, and for work with children the children's rule. Checked at
     * sign-up and again at check-in, since a certification may expire or a volunteer be suspended in between.
     *
     * @throws ProblemException 422 on volunteerId naming what is missing
     */
    public void requireFitFor(Activity activity, UUID volunteerId) {
        LocalDate day = activity.startsAt.atZone(district.timeZone()).toLocalDate();
        if (activity.withChildren) {
            requireTrustedWithChildren(volunteerId, day);
        }
        if (!activity.audience.isEmpty()) {
            String group = standings.findByIdOptional(volunteerId).filter(s -> !s.erased).map(s -> s.groupType)
                    .orElse(null);
            if (!activity.audience.contains(group)) {
                throw ProblemException.unprocessable("volunteerId", "is not in the activity's audience: "
                        + String.join(", ", activity.audience));
            }
        }
        if (!activity.requiredSkills.isEmpty()) {
            List<String> known = standings.findByIdOptional(volunteerId).filter(s -> !s.erased)
                    .map(s -> s.skills).orElse(List.of());
            List<String> missing = activity.requiredSkills.stream().filter(skill -> !known.contains(skill)).toList();
            if (!missing.isEmpty()) {
                throw ProblemException.unprocessable("volunteerId", "lacks skills the activity requires: "
                        + String.join(", ", missing));
            }
        }
        List<String> missing = activity.requiredCertifications.stream()
                .filter(type -> credentials.of(volunteerId, type).stream().noneMatch(c -> c.validOn(day)))
                .toList();
        if (!missing.isEmpty()) {
            throw ProblemException.unprocessable("volunteerId", "holds no certification valid on " + day
                    + " of the types the activity requires: " + String.join(", ", missing));
        }
    }

    private void status(UUID volunteerId, boolean active, List<String> skills, String groupType,
                        EventEnvelope envelope) {
        VolunteerStanding standing = standingOf(volunteerId, envelope);
        Instant at = time(envelope);
        if (standing.erased || at.isBefore(standing.asOf)) {
            return;
        }
        boolean wasActive = standing.active;
        standing.active = active;
        standing.skills = skills == null ? new ArrayList<>() : new ArrayList<>(skills);
        standing.groupType = groupType;
        standing.asOf = at;
        if (wasActive && !active) {
            pairingService.pauseAll(volunteerId);
        } else if (!wasActive && active) {
            pairingService.resumeAll(volunteerId);
        }
    }

    private VolunteerStanding standingOf(UUID volunteerId, EventEnvelope envelope) {
        return standings.findByIdOptional(volunteerId).orElseGet(() -> {
            VolunteerStanding created = new VolunteerStanding();
            created.volunteerId = volunteerId;
            created.asOf = time(envelope);
            standings.persist(created);
            return created;
        });
    }

    private static Instant time(EventEnvelope envelope) {
        return Objects.requireNonNullElse(envelope.occurredAt(), Instant.EPOCH);
    }
}
