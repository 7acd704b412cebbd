package org.linkage.matching.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.linkage.events.EventEnvelope;
import org.linkage.events.GeoPoint;
import org.linkage.events.volunteer.VolunteerChanged;
import org.linkage.events.volunteer.VolunteerRegistered;
import org.linkage.matching.domain.Candidate;
import org.linkage.matching.repository.CandidateRepository;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;

/** Keeps the candidate view in step with the volunteer events; each event carries the volunteer's whole state. */
@ApplicationScoped
public class CandidateService {

    private static final Logger LOG = Logger.getLogger(CandidateService.class);

    private final CandidateRepository candidates;

    CandidateService(CandidateRepository candidates) {
        this.candidates = candidates;
    }

    public Optional<Candidate> find(UUID volunteerId) {
        return candidates.findByIdOptional(volunteerId);
    }

    @Transactional
    public void registered(VolunteerRegistered event, EventEnvelope envelope) {
        upsert(event.volunteerId(), event.displayName(), event.skills(), event.homeLocation(), event.onDuty(),
                event.active(), envelope.occurredAt());
    }

    @Transactional
    public void changed(VolunteerChanged event, EventEnvelope envelope) {
        upsert(event.volunteerId(), event.displayName(), event.skills(), event.homeLocation(), event.onDuty(),
                event.active(), envelope.occurredAt());
    }

    private void upsert(UUID volunteerId, String displayName, List<String> skills, GeoPoint homeLocation,
                        boolean onDuty, boolean active, Instant occurredAt) {
        Instant stateAt = Objects.requireNonNullElseGet(occurredAt, Instant::now);
        Candidate candidate = candidates.findByIdOptional(volunteerId).orElse(null);
        if (candidate == null) {
            candidate = new Candidate();
            candidate.volunteerId = volunteerId;
        } else if (stateAt.isBefore(candidate.updatedAt)) {
            // A replayed or late event must not roll the view back to an older state.
            LOG.infof("Ignoring a state of volunteer %s from %s: the view holds one from %s", volunteerId,
                    stateAt, candidate.updatedAt);
            return;
        }
        candidate.displayName = displayName;
        candidate.skills = new TreeSet<>(skills);
        candidate.homeLatitude = homeLocation == null ? null : homeLocation.latitude();
        candidate.homeLongitude = homeLocation == null ? null : homeLocation.longitude();
        candidate.onDuty = onDuty;
        candidate.active = active;
        candidate.updatedAt = stateAt;
        candidates.persist(candidate);
    }
}
