package org.linkage.chassis.timer;

import org.jboss.logging.Logger;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs a drain at once on a thread of its own, for rows due now that should not wait for the next poll (typically
 * requested from an {@code @Observes(during = AFTER_SUCCESS)} method once the transaction that wrote them committed).
 * Only a hint: the rows are what is durable, and if this replica stops before draining, the poll of any replica
 * drains them. Requests while a drain runs make one more drain, not one each.
 */
public final class WakeUp {

    private static final Logger LOG = Logger.getLogger(WakeUp.class);

    private final ExecutorService thread;
    private final AtomicBoolean pending = new AtomicBoolean();
    private final Runnable drain;
    private final String name;

    /** @param name the thread's name, also used in the log */
    public WakeUp(String name, Runnable drain) {
        this.name = name;
        this.drain = drain;
        this.thread = Executors.newSingleThreadExecutor(task -> {
            Thread woken = new Thread(task, name);
            woken.setDaemon(true);
            return woken;
        });
    }

    /** Drains soon on the wake-up thread, unless a drain is already waiting to start. */
    public void request() {
        if (pending.compareAndSet(false, true)) {
            try {
                thread.execute(this::run);
            } catch (RejectedExecutionException stopping) {
                pending.set(false);
            }
        }
    }

    private void run() {
        pending.set(false);
        try {
            drain.run();
        } catch (RuntimeException e) {
            LOG.warnf("%s: draining at once failed, the next poll drains: %s", name, e.toString());
        }
    }

    /** Stops waking up (from the owner's {@code @PreDestroy}). */
    public void stop() {
        thread.shutdownNow();
    }
}
