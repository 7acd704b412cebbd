package org.linkage.matching.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.linkage.events.EventEnvelope;
import org.linkage.events.MalformedEventException;
import org.linkage.events.volunteer.CertificationExpired;
import org.linkage.events.volunteer.CertificationVerified;
import org.linkage.events.volunteer.MatchingProfile;
import org.linkage.events.volunteer.TrainingCompleted;
import org.linkage.events.volunteer.VolunteerAvailabilityChanged;
import org.linkage.events.volunteer.VolunteerChanged;
import org.linkage.events.volunteer.VolunteerErased;
import org.linkage.events.volunteer.VolunteerRegistered;
import org.linkage.matching.domain.Candidate;
import org.linkage.matching.repository.CandidateRepository;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Keeps the candidate view in step with the volunteer events. Each write commutes or is guarded by the event's
 * time, so that a replay from the beginning of the topic rebuilds the same view. After an erasure, nothing about
 * the person is taken in again.
 */
@ApplicationScoped
public class CandidateService {

    private static final Logger LOG = Logger.getLogger(CandidateService.class);

    private final CandidateRepository candidates;
    private final Event<CandidateChanged> changed;

    CandidateService(CandidateRepository candidates, Event<CandidateChanged> changed) {
        this.candidates = candidates;
        this.changed = changed;
    }

    public Optional<Candidate> find(UUID volunteerId) {
        return candidates.findByIdOptional(volunteerId);
    }

    @Transactional
    public void registered(VolunteerRegistered event, EventEnvelope envelope) {
        upsert(event.profile(), envelope.occurredAt());
    }

    @Transactional
    public void changed(VolunteerChanged event, EventEnvelope envelope) {
        upsert(event.profile(), envelope.occurredAt());
    }

    @Transactional
    public void certificationVerified(CertificationVerified event) {
        if (unlessErased(event.volunteerId())) {
            candidates.certificationVerified(event.volunteerId(), event.certificationId(), event.certificationType(),
                    event.expiresOn());
            changed.fire(new CandidateChanged(event.volunteerId()));
        }
    }

    @Transactional
    public void certificationExpired(CertificationExpired event) {
        if (unlessErased(event.volunteerId())) {
            candidates.certificationExpired(event.volunteerId(), event.certificationId(), event.certificationType(),
                    event.expiresOn());
            changed.fire(new CandidateChanged(event.volunteerId()));
        }
    }

    @Transactional
    public void trainingCompleted(TrainingCompleted event) {
        if (unlessErased(event.volunteerId())) {
            candidates.trainingCompleted(event.volunteerId(), event.courseCode(), event.completedOn(),
                    event.validUntil());
            changed.fire(new CandidateChanged(event.volunteerId()));
        }
    }

    @Transactional
    public void availabilityChanged(VolunteerAvailabilityChanged event, EventEnvelope envelope) {
        try {
            ZoneId.of(event.timeZone());
        } catch (DateTimeException | NullPointerException e) {
            throw new MalformedEventException("VolunteerAvailabilityChanged of " + event.volunteerId()
                    + " names no known time zone: " + event.timeZone());
        }
        if (unlessErased(event.volunteerId())) {
            candidates.availabilityChanged(event, stateAt(envelope));
            changed.fire(new CandidateChanged(event.volunteerId()));
        }
    }

    @Transactional
    public void erased(VolunteerErased event, EventEnvelope envelope) {
        candidates.erase(event.volunteerId(), stateAt(envelope));
        changed.fire(new CandidateChanged(event.volunteerId()));
    }

    private void upsert(MatchingProfile state, Instant occurredAt) {
        Instant stateAt = Objects.requireNonNullElseGet(occurredAt, Instant::now);
        Candidate candidate = candidates.findByIdOptional(state.volunteerId()).orElse(null);
        if (candidate == null) {
            candidate = new Candidate();
            candidate.volunteerId = state.volunteerId();
        } else if (candidate.erasedAt != null) {
            LOG.infof("Ignoring a state of volunteer %s, who was erased", state.volunteerId());
            return;
        } else if (stateAt.isBefore(candidate.updatedAt)) {
            // A replayed or late event must not roll the view back to an older state.
            LOG.infof("Ignoring a state of volunteer %s from %s: the view holds one from %s", state.volunteerId(),
                    stateAt, candidate.updatedAt);
            return;
        }
        candidate.skills = new TreeSet<>(state.skills());
        candidate.homeLatitude = state.homeLocation() == null ? null : state.homeLocation().latitude();
        candidate.homeLongitude = state.homeLocation() == null ? null : state.homeLocation().longitude();
        candidate.onDuty = state.onDuty();
        candidate.active = state.active();
        candidate.livePositionConsent = state.livePositionConsent();
        candidate.skillLevels = new HashMap<>(state.skillLevels());
        candidate.community = state.community();
        candidate.groupType = state.groupType();
        candidate.groupNameZh = state.groupNameZh();
        candidate.groupNameEn = state.groupNameEn();
        candidate.languages = new ArrayList<>(state.languages());
        candidate.updatedAt = stateAt;
        candidates.persist(candidate);
        candidates.flush();
        candidates.touch(state.volunteerId());
        changed.fire(new CandidateChanged(state.volunteerId()));
    }

    private boolean unlessErased(UUID volunteerId) {
        if (candidates.erased(volunteerId)) {
            LOG.infof("Ignoring an event of volunteer %s, who was erased", volunteerId);
            return false;
        }
        return true;
    }

    private static Instant stateAt(EventEnvelope envelope) {
        return Objects.requireNonNullElseGet(envelope.occurredAt(), Instant::now);
    }
}
