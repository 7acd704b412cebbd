package org.linkage.chassis.timer;

import io.quarkus.narayana.jta.QuarkusTransaction;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import java.util.function.IntUnaryOperator;

/**
 * The one durable timer loop of every service. A timer is a set of rows in the service's own table whose due time is
 * a column; the service's repository selects up to {@code limit} of them {@code FOR UPDATE SKIP LOCKED}. A drain takes
 * them batch by batch, each batch in a transaction of its own, so that:
 * <ul>
 *     <li>a timer set before a restart, or by another replica, fires all the same (the row is the timer);</li>
 *     <li>replicas draining at the same time each take different rows, none twice (rows another holds are skipped,
 *     not waited for);</li>
 *     <li>what a batch does (its state change and its {@code outbox.publish(...)} rows) commits with the rows it took
 *     or not at all: a crash or an exception before the commit leaves them due again.</li>
 * </ul>
 * What triggers a drain stays with the service: an {@code @Scheduled} method (interval or cron from its
 * configuration, {@code concurrentExecution = SKIP}, {@code skipExecutionIf = ApplicationNotRunning}), and where a
 * row due now should not wait for the next poll, a {@link WakeUp} after the commit that wrote it.
 */
public final class DueWork {

    /** Takes up to {@code limit} due rows in the current transaction, acts on them, and returns how many it took. */
    @FunctionalInterface
    public interface Batch {
        int take(int limit);
    }

    /** Takes up to {@code limit} due rows in the current transaction, for acting on them after it commits. */
    @FunctionalInterface
    public interface Claim<T> {
        List<T> claim(int limit);
    }

    private final IntSupplier room;
    private final boolean untilEmpty;
    private final Duration timeout;

    private DueWork(IntSupplier room, boolean untilEmpty, Duration timeout) {
        this.room = room;
        this.untilEmpty = untilEmpty;
        this.timeout = timeout;
    }

    /** Batches of at most {@code size} rows, drained until one comes back short (nothing more is due now). */
    public static DueWork batchesOf(int size) {
        if (size <= 0) {
            throw new IllegalArgumentException("a batch takes at least one row");
        }
        return new DueWork(() -> size, false, null);
    }

    /**
     * Batches as large as {@code room} says before each (the work's capacity left, such as sends in flight); the drain
     * stops when there is no room, or when a batch came back short.
     */
    public static DueWork batchesWithin(IntSupplier room) {
        return new DueWork(room, false, null);
    }

    /**
     * Drains until a batch takes nothing, not only until one is short: for rows that stay due after their batch
     * (a series several occurrences behind raises one per batch).
     */
    public DueWork untilEmpty() {
        return new DueWork(room, true, timeout);
    }

    /**
     * Each batch's transaction timeout (otherwise the transaction manager's default), for batches that wait on the
     * network inside it.
     */
    public DueWork timeout(Duration batchTimeout) {
        return new DueWork(room, untilEmpty, batchTimeout);
    }

    /** Drains what is due, acting in the claiming transactions. @return how many rows the batches took */
    public int drain(Batch batch) {
        return loop(limit -> inTransaction(() -> batch.take(limit)));
    }

    /**
     * Drains what is due, each batch claimed in its transaction and handed to {@code afterCommit} once that
     * committed (on this thread), so that no transaction stays open across the network. The claim must make the
     * rows not due for a while (a lease), so that a claim whose outcome is never recorded is taken again.
     *
     * @return how many rows the batches took
     */
    public <T> int drain(Claim<T> claim, Consumer<List<T>> afterCommit) {
        return loop(limit -> {
            List<T> taken = inTransaction(() -> claim.claim(limit));
            if (!taken.isEmpty()) {
                afterCommit.accept(taken);
            }
            return taken.size();
        });
    }

    private int loop(IntUnaryOperator round) {
        int total = 0;
        while (true) {
            int limit = room.getAsInt();
            if (limit <= 0) {
                return total;
            }
            int taken = round.applyAsInt(limit);
            total += taken;
            if (taken == 0 || !untilEmpty && taken < limit) {
                return total;
            }
        }
    }

    private <R> R inTransaction(Callable<R> work) {
        var transaction = QuarkusTransaction.requiringNew();
        return (timeout == null ? transaction : transaction.timeout((int) Math.max(1, timeout.toSeconds())))
                .call(work);
    }
}
