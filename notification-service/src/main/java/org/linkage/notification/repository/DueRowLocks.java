package org.linkage.notification.repository;

import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.List;

/** The one way due rows (email/SMS deliveries, webhook deliveries) are taken for sending. */
final class DueRowLocks {

    /**
     * PENDING rows of the table due by {@code now}, oldest first, locked until the transaction ends; rows another
     * replica holds are skipped, not waited for.
     */
    @SuppressWarnings("unchecked")
    static <T> List<T> lockDue(EntityManager entityManager, String table, Class<T> type, Instant now, int limit) {
        return entityManager.createNativeQuery("SELECT * FROM " + table + """
                         WHERE status = 'PENDING' AND next_attempt_at <= :now
                        ORDER BY next_attempt_at
                        LIMIT :limit
                        FOR UPDATE SKIP LOCKED""", type)
                .setParameter("now", now)
                .setParameter("limit", limit)
                .getResultList();
    }

    private DueRowLocks() {
    }
}
