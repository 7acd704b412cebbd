package org.linkage.notification.service;

import io.quarkus.narayana.jta.QuarkusTransaction;

import java.util.concurrent.Callable;

/**
 * Works through due rows batch by batch, each batch in its own transaction, until one comes back short. A batch
 * takes its rows with FOR UPDATE SKIP LOCKED, so replicas never take the same row, and a crash before commit leaves
 * the rows due again.
 */
final class DueRows {

    /**
     * Sending happens inside the transaction: a slow receiver must not make it time out after messages went out,
     * which would roll back their SENT status and send them again.
     */
    private static final int BATCH_TIMEOUT_SECONDS = 600;

    /** @param batch handles at most {@code batchSize} due rows and returns how many it took */
    static void drain(int batchSize, Callable<Integer> batch) {
        int taken;
        do {
            taken = QuarkusTransaction.requiringNew().timeout(BATCH_TIMEOUT_SECONDS).call(batch);
        } while (taken == batchSize);
    }

    private DueRows() {
    }
}
