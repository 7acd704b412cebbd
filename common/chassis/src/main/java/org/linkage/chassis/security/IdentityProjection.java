package org.linkage.chassis.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.linkage.chassis.signals.ReplicaSignals;
import org.linkage.events.identity.IdentityLinked;
import org.linkage.events.identity.IdentityUnlinked;
import org.linkage.events.identity.VolunteerAccessChanged;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every service's copy of who may act as which volunteer (tables {@code linkage_identity_link} and
 * {@code linkage_volunteer_access}), fed by {@link IdentityEventsConsumer} and, in volunteer-service, also in the
 * transaction that changes a link. A fact is kept only if it is newer (its sequence) than what the row holds, so
 * events may arrive twice, late or out of order across partitions.
 * <p>
 * Resolutions are cached per login so that a request (a rider's position ping, say) need not read the database,
 * but only while this replica LISTENs ({@link IdentityCacheSignals}): every write here NOTIFYs {@link #CHANNEL}
 * in its transaction, each replica empties its cache when the notification arrives, and this replica also as the
 * transaction commits, so an unlink or an ended access holds from the next request on. A replica that is not
 * listening (starting, or its session lost) reads the database on every request again.
 */
@ApplicationScoped
public class IdentityProjection {

    /** The channel every change of the projection is announced on; the payload is empty. */
    public static final String CHANNEL = "linkage_identity";
    /** A guard: even while listening, a resolution is read again after this long. */
    static final Duration MAX_AGE = Duration.ofMinutes(1);
    /** More logins than this are not cached: the cache starts again empty. */
    static final int MAX_ENTRIES = 100_000;

    private final EntityManager entityManager;
    private final DataSource dataSource;
    private final Event<IdentityChanged> changes;
    private final ReplicaSignals signals;
    private final Map<Login, Cached> cache = new ConcurrentHashMap<>();
    /** Moves on every invalidation: a resolution read before it is not cached after it. */
    private final AtomicLong generation = new AtomicLong();

    IdentityProjection(EntityManager entityManager, DataSource dataSource, Event<IdentityChanged> changes,
                       ReplicaSignals signals) {
        this.entityManager = entityManager;
        this.dataSource = dataSource;
        this.changes = changes;
        this.signals = signals;
    }

    private record Login(String issuer, String subject, UUID claimed) {
    }

    private record Cached(CallerResolution resolution, long readAtNanos) {
        boolean fresh(long nowNanos) {
            return nowNanos - readAtNanos < MAX_AGE.toNanos();
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(IdentityLinked linked) {
        link(linked.issuer(), linked.subject(), linked.volunteerId(), linked.sequence());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(IdentityUnlinked unlinked) {
        link(unlinked.issuer(), unlinked.subject(), null, unlinked.sequence());
        changes.fire(new IdentityChanged(unlinked.volunteerId()));
    }

    /**
     * Whether a connection opened with this lease may stay open: not expired, and still acting as the same volunteer.
     */
    public boolean stillValid(LoginLease lease, Instant now) {
        if (lease.expired(now)) {
            return false;
        }
        if (lease.volunteerId() == null) {
            return true;
        }
        // From the database, not the cache: a stream is checked as a change commits, maybe before the cache heard.
        CallerResolution current = read(lease.issuer(), lease.subject(), lease.claimedVolunteer());
        return current.linked() && current.volunteerId().equals(lease.volunteerId());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(VolunteerAccessChanged changed) {
        announceChange();
        entityManager.createNativeQuery("""
                        INSERT INTO linkage_volunteer_access (volunteer_id, access, sequence) VALUES (?1, ?2, ?3)
                        ON CONFLICT (volunteer_id) DO UPDATE SET access = EXCLUDED.access,
                            sequence = EXCLUDED.sequence, changed_at = now()
                        WHERE linkage_volunteer_access.sequence < EXCLUDED.sequence""")
                .setParameter(1, changed.volunteerId())
                .setParameter(2, changed.access())
                .setParameter(3, changed.sequence())
                .executeUpdate();
        changes.fire(new IdentityChanged(changed.volunteerId()));
    }

    private void link(String issuer, String subject, UUID volunteerId, long sequence) {
        announceChange();
        entityManager.createNativeQuery("""
                        INSERT INTO linkage_identity_link (issuer, subject, volunteer_id, sequence)
                        VALUES (?1, ?2, ?3, ?4)
                        ON CONFLICT (issuer, subject) DO UPDATE SET volunteer_id = EXCLUDED.volunteer_id,
                            sequence = EXCLUDED.sequence, changed_at = now()
                        WHERE linkage_identity_link.sequence < EXCLUDED.sequence""")
                .setParameter(1, issuer)
                .setParameter(2, subject)
                .setParameter(3, volunteerId)
                .setParameter(4, sequence)
                .executeUpdate();
    }

    /**
     * Tells every replica, this one as the transaction commits, that what it cached may be out of date: NOTIFY is
     * delivered only if the transaction commits, and a rolled-back change leaves nothing to forget.
     */
    private void announceChange() {
        signals.tellAll(CHANNEL, "");
    }

    /** Forgets every cached resolution (a change was announced, or the listening session began or ended). */
    void invalidateAll() {
        generation.incrementAndGet();
        cache.clear();
    }

    /** The resolution cached for this login, if it may be trusted: no database, no blocking. */
    public Optional<CallerResolution> cached(String issuer, String subject, UUID claimed) {
        if (!signals.isListening()) {
            return Optional.empty();
        }
        Cached cached = cache.get(new Login(issuer, subject, claimed));
        return cached != null && cached.fresh(System.nanoTime()) ? Optional.of(cached.resolution())
                : Optional.empty();
    }

    /**
     * Who this login acts as: cached, or read with plain JDBC on a connection of its own (it runs while the request
     * authenticates, before and outside any transaction of the operation).
     *
     * @param claimed the token's volunteer_id claim, or null
     */
    public CallerResolution resolve(String issuer, String subject, UUID claimed) {
        Optional<CallerResolution> cached = cached(issuer, subject, claimed);
        if (cached.isPresent()) {
            return cached.get();
        }
        long seen = generation.get();
        CallerResolution resolution = read(issuer, subject, claimed);
        if (signals.isListening() && generation.get() == seen) {
            if (cache.size() >= MAX_ENTRIES) {
                cache.clear();
            }
            cache.put(new Login(issuer, subject, claimed), new Cached(resolution, System.nanoTime()));
        }
        return resolution;
    }

    private CallerResolution read(String issuer, String subject, UUID claimed) {
        try (Connection connection = dataSource.getConnection()) {
            Optional<UUID> candidate = CallerResolution.candidate(link(connection, issuer, subject), claimed);
            Optional<String> access = candidate.isEmpty() ? Optional.empty() : access(connection, candidate.get());
            return CallerResolution.of(candidate, access);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the identity projection", e);
        }
    }

    private static CallerResolution.Link link(Connection connection, String issuer, String subject)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT volunteer_id FROM linkage_identity_link WHERE issuer = ? AND subject = ?")) {
            select.setString(1, issuer);
            select.setString(2, subject);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return CallerResolution.Link.NONE;
                }
                UUID volunteer = row.getObject(1, UUID.class);
                return volunteer == null ? CallerResolution.Link.UNLINKED : CallerResolution.Link.to(volunteer);
            }
        }
    }

    private static Optional<String> access(Connection connection, UUID volunteerId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT access FROM linkage_volunteer_access WHERE volunteer_id = ?")) {
            select.setObject(1, volunteerId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        }
    }
}
