package org.linkage.matching.service;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import org.linkage.matching.config.MatchingConfig;
import org.linkage.matching.domain.LivePositions;
import org.linkage.matching.domain.SharedFixes;
import org.linkage.matching.repository.LivePositionChannel;

import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Tells the other matching replicas the latest fixes pinged to this one, and takes in theirs, so that whichever
 * replica fans an emergency out sees every fresh position. Once per {@code share-interval} the fixes this replica
 * accepted since the last round go out coalesced (one per responder, about 110 to a NOTIFY payload); a responder
 * leaving the roster, or withdrawing their position, is told at once. Over PostgreSQL NOTIFY, which stores
 * nothing: a replica that was not listening misses the round and catches up at the next ping (every 10 s).
 */
@ApplicationScoped
public class LivePositionSharing {

    private static final Logger LOG = Logger.getLogger(LivePositionSharing.class);

    private final CandidateIndex index;
    private final LivePositionChannel channel;
    private final MatchingConfig.LivePositions config;
    private volatile boolean running;
    private volatile boolean listening;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "live-position-sharing");
        thread.setDaemon(true);
        return thread;
    });

    LivePositionSharing(CandidateIndex index, LivePositionChannel channel, MatchingConfig config) {
        this.index = index;
        this.channel = channel;
        this.config = config.livePositions();
    }

    void onStart(@Observes StartupEvent start) {
        if (config.share()) {
            running = true;
            worker.execute(this::run);
        }
    }

    void onStop(@Observes ShutdownEvent stop) throws InterruptedException {
        running = false;
        worker.shutdownNow();
        worker.awaitTermination(5, TimeUnit.SECONDS);
    }

    /** Listening to the other replicas now (a test waits for it before it pings). */
    public boolean isListening() {
        return listening;
    }

    void rosterLeft(@Observes RosterLeft left) {
        tellAtOnce(SharedFixes.dropped(left.volunteerId()));
    }

    /** The volunteer stopped sharing their position: no replica may keep it. */
    public void forgotten(UUID volunteerId) {
        tellAtOnce(SharedFixes.forgotten(volunteerId));
    }

    private void tellAtOnce(String payload) {
        if (!config.share()) {
            return;
        }
        try {
            channel.send(List.of(payload));
        } catch (SQLException e) {
            // The others forget it anyway: at their next refresh from the database, or at the time to live.
            LOG.warnf("Could not tell the other replicas at once (%s): %s", payload.charAt(0), e.toString());
        }
    }

    private void run() {
        LivePositions live = index.live();
        SharedFixes.Receiver receiver = new SharedFixes.Receiver() {
            @Override
            public void fix(UUID volunteerId, LivePositions.Fix fix) {
                live.share(volunteerId, fix, System.currentTimeMillis());
            }

            @Override
            public void dropped(UUID volunteerId) {
                live.drop(volunteerId);
            }

            @Override
            public void forgotten(UUID volunteerId) {
                live.forget(volunteerId);
            }
        };
        long interval = config.shareInterval().toMillis();
        while (running) {
            try (LivePositionChannel.Session session = channel.listen()) {
                listening = true;
                long sentUpTo = System.currentTimeMillis();
                long due = sentUpTo + interval;
                while (running) {
                    for (String payload : session.receive((int) (due - System.currentTimeMillis()))) {
                        SharedFixes.read(payload, receiver);
                    }
                    long now = System.currentTimeMillis();
                    if (now >= due) {
                        SharedFixes.Batch batch = new SharedFixes.Batch();
                        // A fix received in this same millisecond may go out twice: the others ignore the repeat.
                        live.pingedHereSince(sentUpTo - 1, batch);
                        session.send(batch.payloads());
                        sentUpTo = now;
                        due = now + interval;
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    LOG.warnf("Sharing live positions failed, retrying in a second: %s", e.toString());
                    sleep();
                }
            } finally {
                listening = false;
            }
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
