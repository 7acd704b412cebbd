package org.linkage.chassis;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.linkage.chassis.outbox.Outbox;
import org.linkage.chassis.timer.DueWork;
import org.linkage.chassis.timer.WakeUp;
import org.linkage.testing.InfrastructureTestResource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The timer loop against the real PostgreSQL: batches, one runner per row across replicas, effects with the claim. */
@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
class DueWorkTest {

    @Inject
    EntityManager entityManager;

    @Inject
    Outbox outbox;

    @Test
    void drainsAllDueRowsInBatchesEachEffectWithItsOutboxRow() {
        String subject = timers(7, Instant.now().minusSeconds(1));
        timers(subject, 2, Instant.now().plusSeconds(3600)); // not due yet
        List<Integer> batches = Collections.synchronizedList(new ArrayList<>());

        int drained = DueWork.batchesOf(3).drain(limit -> {
            int taken = fire(subject, limit);
            batches.add(taken);
            return taken;
        });

        assertEquals(7, drained);
        assertEquals(List.of(3, 3, 1), batches);
        assertEquals(List.of(0, 0, 1, 1, 1, 1, 1, 1, 1), firedCounts(subject));
        assertEquals(7L, outboxRows(subject));
    }

    @Test
    void aFailingBatchLeavesItsRowsDueAndPublishesNothing() {
        String subject = timers(2, Instant.now().minusSeconds(1));

        assertThrows(IllegalStateException.class, () -> DueWork.batchesOf(5).drain(limit -> {
            fire(subject, limit);
            throw new IllegalStateException("the effect failed");
        }));

        assertEquals(List.of(0, 0), firedCounts(subject));
        assertEquals(0L, outboxRows(subject));
        assertEquals(2, DueWork.batchesOf(5).drain(limit -> fire(subject, limit)));
    }

    @Test
    void replicasDrainingAtOnceFireEveryRowExactlyOnce() throws Exception {
        String subject = timers(60, Instant.now().minusSeconds(1));
        ExecutorService replicas = Executors.newFixedThreadPool(3);
        try {
            List<Future<Integer>> drains = new ArrayList<>();
            for (int replica = 0; replica < 3; replica++) {
                drains.add(replicas.submit(() -> DueWork.batchesOf(4).drain(limit -> {
                    int taken = fire(subject, limit);
                    pause(); // hold the locks a while, so that the replicas overlap
                    return taken;
                })));
            }
            int total = 0;
            for (Future<Integer> drain : drains) {
                total += drain.get(60, TimeUnit.SECONDS);
            }
            assertEquals(60, total);
        } finally {
            replicas.shutdownNow();
        }
        assertEquals(Collections.nCopies(60, 1), firedCounts(subject));
        assertEquals(60L, outboxRows(subject));
    }

    @Test
    void untilEmptyCatchesUpRowsThatStayDueAfterTheirBatch() {
        String subject = timers(2, Instant.now().minusSeconds(1));
        DueWork.Batch fireTwice = limit -> fire(subject, limit, "CASE WHEN fired < 1 THEN due_at ELSE 'infinity' END");

        assertEquals(2, DueWork.batchesOf(10).drain(fireTwice)); // a short batch ends the drain
        assertEquals(2, DueWork.batchesOf(10).untilEmpty().drain(fireTwice));
        assertEquals(List.of(2, 2), firedCounts(subject));
    }

    @Test
    void claimedRowsAreActedOnAfterTheClaimCommitted() {
        String subject = timers(5, Instant.now().minusSeconds(1));
        AtomicInteger room = new AtomicInteger(4);
        List<Long> committedWhenActing = new ArrayList<>();

        int drained = DueWork.batchesWithin(room::get).drain(limit -> claim(subject, limit), claimed -> {
            // Another transaction already sees the claims: the claiming one committed.
            committedWhenActing.add(QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                    .createNativeQuery("SELECT count(*) FROM test_timer WHERE subject = ?1 AND fired = 1")
                    .setParameter(1, subject).getSingleResult()).longValue()));
            room.addAndGet(-claimed.size());
        });

        assertEquals(4, drained); // the room ran out after the first batch
        assertEquals(List.of(4L), committedWhenActing);
    }

    @Test
    void wakeUpsWhileADrainRunsMakeOneMoreDrain() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger drains = new AtomicInteger();
        WakeUp wakeUp = new WakeUp("test-wake-up", () -> {
            drains.incrementAndGet();
            started.countDown();
            await(release);
        });
        try {
            wakeUp.request();
            assertTrue(started.await(10, TimeUnit.SECONDS));
            for (int i = 0; i < 10; i++) {
                wakeUp.request();
            }
            release.countDown();
            Thread.sleep(300);
            assertEquals(2, drains.get());
        } finally {
            wakeUp.stop();
        }
    }

    private String timers(int count, Instant dueAt) {
        String subject = UUID.randomUUID().toString();
        timers(subject, count, dueAt);
        return subject;
    }

    private void timers(String subject, int count, Instant dueAt) {
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < count; i++) {
                entityManager.createNativeQuery("INSERT INTO test_timer (id, subject, due_at) VALUES (?1, ?2, ?3)")
                        .setParameter(1, UUID.randomUUID()).setParameter(2, subject)
                        .setParameter(3, dueAt.plusMillis(i)).executeUpdate();
            }
        });
    }

    /** What a service's repository and service do: lock due rows, skip those another holds, act, publish. */
    private int fire(String subject, int limit) {
        return fire(subject, limit, "'infinity'");
    }

    private int fire(String subject, int limit, String nextDue) {
        List<UUID> due = lockDue(subject, limit);
        for (UUID id : due) {
            entityManager.createNativeQuery("UPDATE test_timer SET due_at = " + nextDue + ", fired = fired + 1"
                    + " WHERE id = ?1").setParameter(1, id).executeUpdate();
            outbox.publish(new TestEvent(subject, 0));
        }
        return due.size();
    }

    private List<UUID> claim(String subject, int limit) {
        List<UUID> due = lockDue(subject, limit);
        due.forEach(id -> entityManager.createNativeQuery(
                "UPDATE test_timer SET due_at = now() + interval '1 minute', fired = 1 WHERE id = ?1")
                .setParameter(1, id).executeUpdate());
        return due;
    }

    @SuppressWarnings("unchecked")
    private List<UUID> lockDue(String subject, int limit) {
        return entityManager.createNativeQuery("SELECT id FROM test_timer WHERE subject = ?1 AND due_at <= now()"
                        + " ORDER BY due_at LIMIT ?2 FOR UPDATE SKIP LOCKED", UUID.class)
                .setParameter(1, subject).setParameter(2, limit).getResultList();
    }

    @SuppressWarnings("unchecked")
    private List<Integer> firedCounts(String subject) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                        "SELECT fired FROM test_timer WHERE subject = ?1 ORDER BY fired, id", Integer.class)
                .setParameter(1, subject).getResultList());
    }

    private long outboxRows(String subject) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "SELECT count(*) FROM linkage_outbox WHERE message_key = ?1")
                .setParameter(1, subject).getSingleResult()).longValue());
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
