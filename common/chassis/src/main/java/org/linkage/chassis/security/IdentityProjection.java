package org.linkage.chassis.security;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.linkage.chassis.signals.ReplicaSignals;
import org.linkage.events.identity.IdentityLinked;
import org.linkage.events.identity.IdentityUnlinked;
import org.linkage.events.identity.VolunteerAccessChanged;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
 * in its transaction, naming the identity or volunteer it changed, each replica forgets the logins concerned when
 * the notification arrives, and this replica also as the transaction commits, so an unlink or an ended access holds
 * from the next request on. A replica that is not listening (starting, or its session lost) reads the database on
 * every request again. A login still in use is read again in the background before its entry's guard age runs out
 * ({@link IdentityCacheConfig}).
 */
@ApplicationScoped
public class IdentityProjection {

    /** The channel every change of the projection is announced on; the payload names what changed. */
    public static final String CHANNEL = "linkage_identity";
    /** The first field of a change's payload: which logins it concerns ({@link #invalidate}). */
    private static final String IDENTITY = "identity";
    private static final String VOLUNTEER = "volunteer";
    /** More logins than this are not cached: the cache starts again empty. */
    static final int MAX_ENTRIES = 100_000;
    /** Logins read again in one background refresh, at most: two statements, however many. */
    private static final int REFRESH_BATCH = 1_000;
    /** PostgreSQL refuses a NOTIFY payload of 8,000 bytes or more. */
    private static final int MAX_CHANGE_BYTES = 7_900;
    private static final Logger LOG = Logger.getLogger(IdentityProjection.class);

    private final EntityManager entityManager;
    private final DataSource dataSource;
    private final Event<IdentityChanged> changes;
    private final ReplicaSignals signals;
    /** The configured ages, in the unit the cache's check on every request compares. */
    private final long maxAgeNanos;
    private final long refreshAfterNanos;
    private final Map<Login, Cached> cache = new ConcurrentHashMap<>();
    /** Logins asked for since their entry became due for refresh: read again by {@link #refreshDue()}. */
    private final Set<Login> dueForRefresh = ConcurrentHashMap.newKeySet();
    /** Moves on every invalidation: a resolution read before it is not cached after it. */
    private final AtomicLong generation = new AtomicLong();

    IdentityProjection(EntityManager entityManager, DataSource dataSource, Event<IdentityChanged> changes,
                       ReplicaSignals signals, IdentityCacheConfig config) {
        this.entityManager = entityManager;
        this.dataSource = dataSource;
        this.changes = changes;
        this.signals = signals;
        this.maxAgeNanos = config.maxAge().toNanos();
        this.refreshAfterNanos = config.refreshAfter().toNanos();
    }

    private record Login(String issuer, String subject, UUID claimed) {
        Identity identity() {
            return new Identity(issuer, subject);
        }
    }

    /** An identity as the projection's links are keyed: several logins (claims) may share one. */
    private record Identity(String issuer, String subject) {
    }

    private record Cached(CallerResolution resolution, long readAtNanos) {
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
        CallerResolution current = read(new Login(lease.issuer(), lease.subject(), lease.claimedVolunteer()));
        return current.linked() && current.volunteerId().equals(lease.volunteerId());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(VolunteerAccessChanged changed) {
        announceChange(volunteerChanged(changed.volunteerId()));
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
        announceChange(identityChanged(issuer, subject));
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

    /** The payload of a change to an identity's link: its logins are forgotten, whatever their claim. */
    static String identityChanged(String issuer, String subject) {
        // An issuer with a tab in it could not be told from its subject: the change then names nothing.
        return issuer.indexOf('\t') >= 0 ? "" : IDENTITY + "\t" + issuer + "\t" + subject;
    }

    /** The payload of a change to a volunteer's access: the logins acting as them are forgotten. */
    static String volunteerChanged(UUID volunteerId) {
        return VOLUNTEER + "\t" + volunteerId;
    }

    /**
     * Tells every replica, this one as the transaction commits, that what it cached of this identity or volunteer
     * may be out of date: NOTIFY is delivered only if the transaction commits, and a rolled-back change leaves nothing
     * to forget. Too long for a notification, it names nothing, and every replica forgets everything.
     */
    private void announceChange(String change) {
        signals.tellAll(CHANNEL, change.getBytes(StandardCharsets.UTF_8).length > MAX_CHANGE_BYTES ? "" : change);
    }

    /**
     * Forgets the cached resolutions a change concerns: every login of an identity whose link changed ("identity",
     * issuer, subject), every login acting as a volunteer whose access changed ("volunteer", id), tab-separated.
     * Anything else (an empty payload, another replica's older release) forgets them all. Either way, what was being
     * read meanwhile is not cached. Forgetting only those keeps a thousand riders' pings off the database whenever
     * someone registers or is suspended.
     */
    void invalidate(String change) {
        generation.incrementAndGet();
        String[] parts = change.split("\t", 3);
        if (parts.length == 3 && parts[0].equals(IDENTITY)) {
            cache.keySet().removeIf(login -> login.issuer().equals(parts[1]) && login.subject().equals(parts[2]));
        } else if (parts.length == 2 && parts[0].equals(VOLUNTEER) && isUuid(parts[1])) {
            UUID volunteer = UUID.fromString(parts[1]);
            cache.values().removeIf(cached -> volunteer.equals(cached.resolution().volunteerId()));
        } else {
            invalidateAll();
        }
    }

    /** Forgets every cached resolution (anything may have changed, or the listening session began or ended). */
    void invalidateAll() {
        generation.incrementAndGet();
        cache.clear();
    }

    private static boolean isUuid(String value) {
        try {
            return UUID.fromString(value).toString().equals(value);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * The resolution cached for this login, if it may be trusted: no database, no blocking. One due for refresh is
     * still answered, and read again in the background.
     */
    public Optional<CallerResolution> cached(String issuer, String subject, UUID claimed) {
        return cached(new Login(issuer, subject, claimed));
    }

    private Optional<CallerResolution> cached(Login login) {
        if (!signals.isListening()) {
            return Optional.empty();
        }
        Cached cached = cache.get(login);
        if (cached == null) {
            return Optional.empty();
        }
        long age = System.nanoTime() - cached.readAtNanos();
        if (age >= maxAgeNanos) {
            return Optional.empty();
        }
        if (age >= refreshAfterNanos) {
            dueForRefresh.add(login);
        }
        return Optional.of(cached.resolution());
    }

    /**
     * Reads again, together, the logins in use whose entries are due. Entries read together (a thousand riders'
     * first pings after a start or an invalidation) expire together: without this, every one of those requests
     * would wait for the database in the same few seconds, and whatever else the replica does with them.
     */
    @Scheduled(identity = "identity-cache-refresh", every = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void refreshDue() {
        if (dueForRefresh.isEmpty()) {
            return;
        }
        List<Login> batch = new ArrayList<>(Math.min(dueForRefresh.size(), REFRESH_BATCH));
        for (Iterator<Login> due = dueForRefresh.iterator(); due.hasNext() && batch.size() < REFRESH_BATCH; ) {
            batch.add(due.next());
            due.remove();
        }
        long seen = generation.get();
        try {
            cacheUnlessInvalidated(seen, readAll(batch));
        } catch (IllegalStateException e) {
            // Their entries still expire at the guard age; their requests then read the database themselves.
            LOG.warnf("Could not refresh %d cached login resolutions: %s", batch.size(), e.getMessage());
        }
    }

    /**
     * Who this login acts as: cached, or read with plain JDBC on a connection of its own (it runs while the request
     * authenticates, before and outside any transaction of the operation).
     *
     * @param claimed the token's volunteer_id claim, or null
     */
    public CallerResolution resolve(String issuer, String subject, UUID claimed) {
        Login login = new Login(issuer, subject, claimed);
        Optional<CallerResolution> cached = cached(login);
        if (cached.isPresent()) {
            return cached.get();
        }
        long seen = generation.get();
        CallerResolution resolution = read(login);
        cacheUnlessInvalidated(seen, Map.of(login, resolution));
        return resolution;
    }

    /** Keeps resolutions read since generation {@code seen}, unless an invalidation came meanwhile. */
    private void cacheUnlessInvalidated(long seen, Map<Login, CallerResolution> read) {
        if (!signals.isListening() || generation.get() != seen) {
            return;
        }
        if (cache.size() + read.size() > MAX_ENTRIES) {
            cache.clear();
        }
        long now = System.nanoTime();
        read.forEach((login, resolution) -> cache.put(login, new Cached(resolution, now)));
        if (generation.get() != seen) {
            // An invalidation emptied the cache between the check and the puts: what was read may be out of date.
            read.keySet().forEach(cache::remove);
        }
    }

    private CallerResolution read(Login login) {
        return readAll(List.of(login)).get(login);
    }

    /** Each login's resolution, in two statements on a connection of its own, however many logins. */
    private Map<Login, CallerResolution> readAll(List<Login> logins) {
        try (Connection connection = dataSource.getConnection()) {
            Map<Identity, CallerResolution.Link> links = links(connection, logins);
            Map<Login, Optional<UUID>> candidates = new HashMap<>();
            for (Login login : logins) {
                candidates.put(login, CallerResolution.candidate(
                        links.getOrDefault(login.identity(), CallerResolution.Link.NONE), login.claimed()));
            }
            Map<UUID, String> access = access(connection,
                    candidates.values().stream().flatMap(Optional::stream).distinct().toArray(UUID[]::new));
            Map<Login, CallerResolution> resolutions = new HashMap<>();
            candidates.forEach((login, candidate) ->
                    resolutions.put(login, CallerResolution.of(candidate, candidate.map(access::get))));
            return resolutions;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the identity projection", e);
        }
    }

    /** The projection's row for each identity that has one. */
    private static Map<Identity, CallerResolution.Link> links(Connection connection, List<Login> logins)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT l.issuer, l.subject, l.volunteer_id FROM linkage_identity_link l
                  JOIN unnest(?, ?) AS wanted (issuer, subject)
                    ON l.issuer = wanted.issuer AND l.subject = wanted.subject""")) {
            select.setArray(1, connection.createArrayOf("text", logins.stream().map(Login::issuer).toArray()));
            select.setArray(2, connection.createArrayOf("text", logins.stream().map(Login::subject).toArray()));
            Map<Identity, CallerResolution.Link> links = new HashMap<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    UUID volunteer = rows.getObject(3, UUID.class);
                    links.put(new Identity(rows.getString(1), rows.getString(2)),
                            volunteer == null ? CallerResolution.Link.UNLINKED : CallerResolution.Link.to(volunteer));
                }
            }
            return links;
        }
    }

    /** The access recorded for each of these volunteers that has one (none means allowed). */
    private static Map<UUID, String> access(Connection connection, UUID[] volunteerIds) throws SQLException {
        if (volunteerIds.length == 0) {
            return Map.of();
        }
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT volunteer_id, access FROM linkage_volunteer_access WHERE volunteer_id = ANY (?)")) {
            select.setArray(1, connection.createArrayOf("uuid", volunteerIds));
            Map<UUID, String> access = new HashMap<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    access.put(rows.getObject(1, UUID.class), rows.getString(2));
                }
            }
            return access;
        }
    }
}
