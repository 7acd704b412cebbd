package org.linkage.chassis.ratelimit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.linkage.chassis.time.DatabaseClock;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Limits kept in the database, for those that protect something (a check-in code, an emergency's fan-out): every
 * replica counts the same uses, unlike {@link RateLimits}' per-replica buckets. A use counts for its limit's window
 * after it was taken (a sliding window); a subject with {@code max} uses inside the window is refused until the
 * oldest of them leaves it. Taking is serialised per budget and subject by a transaction-scoped advisory lock, so
 * concurrent requests cannot all slip under the limit.
 */
@ApplicationScoped
public class LimitLedger {

    /** One limit applied to one subject, e.g. 5 check-in code failures of a volunteer per 15 minutes. */
    public record Use(String budget, String subject, int max, Duration window) {

        String key() {
            return budget + '|' + subject;
        }
    }

    private final EntityManager entityManager;

    LimitLedger(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Counts one use of each limit, in the caller's transaction (a rolled-back request counts nothing).
     *
     * @return the ids of the uses taken, to give back with {@link #giveBack}
     * @throws TooManyRequests when any of the limits is used up; then none is counted
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Long> take(Use... uses) {
        return takeAll(uses);
    }

    /** Like {@link #take}, but committed at once in a transaction of its own: it counts even if the caller fails. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Long> takeApart(Use... uses) {
        return takeAll(uses);
    }

    /** Uncounts uses taken before (e.g. an attempt that turned out right). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void giveBack(List<Long> ids) {
        if (!ids.isEmpty()) {
            entityManager.createNativeQuery("DELETE FROM linkage_limit_entry WHERE id = ANY(?1)")
                    .setParameter(1, ids.toArray(Long[]::new)).executeUpdate();
        }
    }

    /** Serialises, until the transaction ends, everyone who locks the same budget and subject. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lock(String budget, String subject) {
        entityManager.createNativeQuery("SELECT 1 FROM pg_advisory_xact_lock(hashtextextended(?1, 0))")
                .setParameter(1, budget + '|' + subject).getResultList();
    }

    private List<Long> takeAll(Use... uses) {
        Instant now = DatabaseClock.now();
        // Locks in one order, so that two requests taking the same limits cannot deadlock.
        List<Use> ordered = new ArrayList<>(List.of(uses));
        ordered.sort(Comparator.comparing(Use::key));
        for (Use use : ordered) {
            lock(use.budget(), use.subject());
        }
        for (Use use : uses) {
            long retryAfter = retryAfter(use, now);
            if (retryAfter > 0) {
                throw new TooManyRequests("At most " + use.max() + " " + use.budget() + " per "
                        + describe(use.window()) + "; try again in " + retryAfter + " s", retryAfter);
            }
        }
        List<Long> ids = new ArrayList<>();
        for (Use use : uses) {
            ids.add(((Number) entityManager.createNativeQuery("""
                            INSERT INTO linkage_limit_entry (budget, subject, at) VALUES (?1, ?2, ?3) RETURNING id""")
                    .setParameter(1, use.budget()).setParameter(2, use.subject()).setParameter(3, utc(now))
                    .getSingleResult()).longValue());
        }
        return ids;
    }

    /** Seconds until the oldest use that keeps the subject at its limit leaves the window, or 0 below the limit. */
    private long retryAfter(Use use, Instant now) {
        Instant since = now.minus(use.window());
        entityManager.createNativeQuery(
                        "DELETE FROM linkage_limit_entry WHERE budget = ?1 AND subject = ?2 AND at <= ?3")
                .setParameter(1, use.budget()).setParameter(2, use.subject()).setParameter(3, utc(since))
                .executeUpdate();
        @SuppressWarnings("unchecked")
        List<Object> oldest = entityManager.createNativeQuery("""
                        SELECT at FROM linkage_limit_entry WHERE budget = ?1 AND subject = ?2 AND at > ?3
                        ORDER BY at DESC OFFSET ?4 LIMIT 1""")
                .setParameter(1, use.budget()).setParameter(2, use.subject()).setParameter(3, utc(since))
                .setParameter(4, use.max() - 1)
                .getResultList();
        if (oldest.isEmpty()) {
            return 0;
        }
        Instant at = toInstant(oldest.get(0));
        long millis = Duration.between(now, at.plus(use.window())).toMillis();
        return Math.max(1, (millis + 999) / 1000);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant();
        }
        throw new IllegalStateException("Unexpected timestamp type " + value.getClass());
    }

    private static String describe(Duration window) {
        if (window.toDays() > 0 && window.equals(Duration.ofDays(window.toDays()))) {
            return window.toDays() == 1 ? "day" : window.toDays() + " days";
        }
        if (window.toHours() > 0 && window.equals(Duration.ofHours(window.toHours()))) {
            return window.toHours() == 1 ? "hour" : window.toHours() + " hours";
        }
        if (window.toMinutes() > 0 && window.equals(Duration.ofMinutes(window.toMinutes()))) {
            return window.toMinutes() + " minutes";
        }
        return window.toSeconds() + " s";
    }
}
