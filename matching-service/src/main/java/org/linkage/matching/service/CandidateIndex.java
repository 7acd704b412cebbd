package org.linkage.matching.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.jboss.logging.Logger;
import org.linkage.matching.config.MatchingConfig;
import org.linkage.matching.domain.CandidateGrid;
import org.linkage.matching.domain.CandidateSearch;
import org.linkage.matching.domain.LivePositions;
import org.linkage.matching.domain.VolunteerProfile;
import org.linkage.matching.repository.CandidateRepository;
import org.linkage.matching.repository.VolunteerProfiles;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The candidate grid of this replica: rebuilt from the database on start, refreshed on every commit of a
 * volunteer event this replica consumed, and from the database for what other replicas consumed. The database
 * stays the source of truth; the grid only makes finding candidates fast.
 *
 * <p>Beside it, the roster of responders whose live position may be taken (on duty, with the consent) is kept the
 * same way, and with it the live positions themselves, which live only here (see {@link LivePositions}): whoever
 * leaves the roster has their position forgotten at the refresh that sees it.
 */
@ApplicationScoped
public class CandidateIndex {

    private static final Logger LOG = Logger.getLogger(CandidateIndex.class);
    // Changes committed out of the order of their clock times are still seen when the next poll looks back this far.
    private static final Duration LOOK_BACK = Duration.ofSeconds(5);
    // Under PostgreSQL's 32,767 parameters a statement; 100,000 changes took 17 s in slices of 1,000, 5 s of 10,000.
    private static final int REFRESH_SLICE = 10_000;
    /** A refresh taking in this many changes or more says so in the log, with how long it took. */
    private static final int BULK_CHANGE = 1_000;

    private final CandidateGrid grid = new CandidateGrid();
    private final LivePositions live;
    private final VolunteerProfiles profiles;
    private final CandidateRepository candidates;
    private final Event<RosterLeft> rosterLeft;
    private volatile Instant changesSeen;

    CandidateIndex(VolunteerProfiles profiles, CandidateRepository candidates, MatchingConfig config,
                   Event<RosterLeft> rosterLeft) {
        this.rosterLeft = rosterLeft;
        this.profiles = profiles;
        this.candidates = candidates;
        MatchingConfig.LivePositions rules = config.livePositions();
        MatchingConfig.District district = rules.district();
        this.live = new LivePositions(new LivePositions.Rules(rules.ttl(), rules.maxAge(), rules.maxClockSkew(),
                rules.minInterval(), rules.maxAccuracyMetres(), new LivePositions.Box(district.minLatitude(),
                district.minLongitude(), district.maxLatitude(), district.maxLongitude())));
    }

    void onStart(@Observes StartupEvent start) {
        rebuild();
    }

    /** Reads every searchable volunteer from the database into a fresh grid. */
    public void rebuild() {
        long began = System.nanoTime();
        QuarkusTransaction.requiringNew().run(() -> {
            changesSeen = candidates.changedSince(Instant.now()).now();
            grid.replaceAll(profiles.all());
            live.replaceRoster(profiles.allTrackable());
        });
        LOG.infof("Candidate index holds %d volunteers and %d trackable responders, built in %d ms", grid.size(),
                live.rostered(), (System.nanoTime() - began) / 1_000_000);
    }

    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) CandidateChanged change) {
        // This replica took the event in: the others hear at once of whoever left the roster.
        refresh(Set.of(change.volunteerId())).forEach(id -> rosterLeft.fire(new RosterLeft(id)));
    }

    @Scheduled(identity = "candidate-index-refresh", every = "${linkage.matching.index-refresh-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void takeInChangesOfOtherReplicas() {
        if (changesSeen == null) {
            return;
        }
        CandidateRepository.Changes changes = QuarkusTransaction.requiringNew()
                .call(() -> candidates.changedSince(changesSeen.minus(LOOK_BACK)));
        refresh(changes.volunteerIds());
        changesSeen = changes.now();
    }

    @Scheduled(identity = "live-position-sweep", every = "${linkage.matching.live-positions.sweep-interval:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetExpiredPositions() {
        live.sweep(System.currentTimeMillis());
    }

    /** The live positions of this replica's responders. */
    public LivePositions live() {
        return live;
    }

    public Optional<VolunteerProfile> find(UUID volunteerId) {
        return grid.get(volunteerId);
    }

    public List<CandidateSearch.Match> topK(CandidateSearch.Query query, CandidateSearch.FactsSource facts) {
        return CandidateSearch.topK(grid, query, facts);
    }

    /**
     * An emergency's best responders by their live positions ({@code located}) and, given {@code fromHome}, the
     * on-duty responders it does not exclude measured from their registered homes.
     */
    public List<CandidateSearch.Match> topKLive(List<LivePositions.Located> located, CandidateSearch.Query query,
                                                CandidateSearch.Query fromHome, CandidateSearch.FactsSource facts) {
        return CandidateSearch.topKLive(located, query, grid, fromHome, facts);
    }

    /** @return who left the roster of live positions */
    private List<UUID> refresh(Collection<UUID> volunteerIds) {
        long began = System.nanoTime();
        List<UUID> left = new ArrayList<>();
        List<UUID> all = List.copyOf(volunteerIds);
        List<VolunteerProfile> changed = new ArrayList<>();
        Set<UUID> gone = new HashSet<>(all);
        // Read in slices, a bulk change (an import, a replay) too; put into the grid at once, each cell rebuilt once.
        for (int from = 0; from < all.size(); from += REFRESH_SLICE) {
            List<UUID> slice = all.subList(from, Math.min(all.size(), from + REFRESH_SLICE));
            List<List<VolunteerProfile>> current = QuarkusTransaction.requiringNew()
                    .call(() -> List.of(profiles.of(slice), profiles.trackable(slice)));
            changed.addAll(current.get(0));
            Set<UUID> untracked = new HashSet<>(slice);
            for (VolunteerProfile responder : current.get(1)) {
                live.enrol(responder);
                untracked.remove(responder.volunteerId());
            }
            untracked.stream().filter(live::drop).forEach(left::add);
        }
        changed.forEach(profile -> gone.remove(profile.volunteerId()));
        grid.putAll(changed, gone);
        if (all.size() >= BULK_CHANGE) {
            LOG.infof("Candidate index took in %d changed volunteers in %d ms", all.size(),
                    (System.nanoTime() - began) / 1_000_000);
        }
        return left;
    }
}
