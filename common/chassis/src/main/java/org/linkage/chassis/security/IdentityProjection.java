package org.linkage.chassis.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.linkage.events.identity.IdentityLinked;
import org.linkage.events.identity.IdentityUnlinked;
import org.linkage.events.identity.VolunteerAccessChanged;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Every service's copy of who may act as which volunteer (tables {@code linkage_identity_link} and
 * {@code linkage_volunteer_access}), fed by {@link IdentityEventsConsumer} and, in volunteer-service, also in the
 * transaction that changes a link. A fact is kept only if it is newer (its sequence) than what the row holds, so
 * events may arrive twice, late or out of order across partitions. Reads go to the database on every request by
 * primary key: nothing is cached that could outlive an unlink on another replica.
 */
@ApplicationScoped
public class IdentityProjection {

    private final EntityManager entityManager;
    private final DataSource dataSource;
    private final Event<IdentityChanged> changes;

    IdentityProjection(EntityManager entityManager, DataSource dataSource, Event<IdentityChanged> changes) {
        this.entityManager = entityManager;
        this.dataSource = dataSource;
        this.changes = changes;
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

    /** Whether a connection opened with this lease may stay open: not expired, and still acting as the same volunteer. */
    public boolean stillValid(LoginLease lease, Instant now) {
        if (lease.expired(now)) {
            return false;
        }
        if (lease.volunteerId() == null) {
            return true;
        }
        CallerResolution current = resolve(lease.issuer(), lease.subject(), lease.claimedVolunteer());
        return current.linked() && current.volunteerId().equals(lease.volunteerId());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(VolunteerAccessChanged changed) {
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
     * Who this login acts as. Plain JDBC on a connection of its own: it runs while the request authenticates,
     * before (and outside) any transaction of the operation.
     *
     * @param claimed the token's volunteer_id claim, or null
     */
    public CallerResolution resolve(String issuer, String subject, UUID claimed) {
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
