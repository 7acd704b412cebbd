package org.linkage.notification.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;
import org.linkage.chassis.web.PageRequest;
import org.linkage.notification.domain.Notification;
import org.linkage.notification.domain.NotificationChannel;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class NotificationRepository implements PanacheRepositoryBase<Notification, UUID> {

    /** The first key of the per-recipient advisory locks, a key space of their own; the second: hashtext(recipient). */
    public static final int RECIPIENT_LOCKS = 6_001;

    private final ObjectMapper json;

    NotificationRepository(ObjectMapper json) {
        this.json = json;
    }

    /** A person's inbox: their in-app notifications. @param unread true: only unread, false: only read, null: all */
    public record Filter(String recipient, Boolean unread) {
    }

    public List<Notification> search(Filter filter, int page, int size) {
        return query(filter).page(PageRequest.of(page, size)).list();
    }

    public long count(Filter filter) {
        return query(filter).count();
    }

    /** A NOTIFY on {@code channel} with "origin:notification id", which PostgreSQL delivers when the insert commits. */
    public record Announcement(String channel, String origin) {
    }

    /**
     * Inserts the notification, with its {@code sequence} set from the database, unless its source event already
     * gave its recipient one in its channel. One statement and one round trip, the announcement included: this is
     * the hot path of every event that tells somebody something.
     *
     * <p>Before the sequence is drawn it takes a lock on the recipient, held until commit, so that each person's
     * notifications commit in sequence order even when several consumers and the reminder scheduler write at once:
     * a stream resuming after the last sequence it saw cannot skip one that was still committing. A transaction
     * that tells several people takes several such locks, so callers tell them in the order of their ids (the
     * reminder job, an activity cancelled): two such transactions then cannot wait for each other. Should they
     * cross anyway (two ids whose hashes collide), PostgreSQL breaks the deadlock and the retry applies it again.
     *
     * @return false, inserting nothing, if one existed already
     */
    public boolean insertIfAbsent(Notification notification, Optional<Announcement> announcement) {
        Query insert = getEntityManager().createNativeQuery("""
                        WITH inserted AS (
                            INSERT INTO notification (id, source_event_id, recipient, channel, kind, title, body, data,
                                                      created_at)
                            SELECT CAST(:id AS UUID), CAST(:source AS UUID), CAST(:recipient AS TEXT),
                                   CAST(:channel AS TEXT), CAST(:kind AS TEXT), CAST(:title AS TEXT),
                                   CAST(:body AS TEXT), CAST(:data AS JSONB), CAST(:createdAt AS TIMESTAMPTZ)
                            WHERE CAST(pg_advisory_xact_lock(%d, hashtext(:recipient)) AS TEXT) IS NOT NULL
                            ON CONFLICT ON CONSTRAINT notification_once_per_recipient DO NOTHING
                            RETURNING id, sequence)
                        SELECT sequence, %s FROM inserted""".formatted(RECIPIENT_LOCKS, announcement.isEmpty() ? "NULL"
                        : "CAST(pg_notify(:announceOn, :origin || ':' || id) AS TEXT)"))
                .setParameter("id", notification.id)
                .setParameter("source", notification.sourceEventId)
                .setParameter("recipient", notification.recipient)
                .setParameter("channel", notification.channel.name())
                .setParameter("kind", notification.kind.name())
                .setParameter("title", notification.title)
                .setParameter("body", notification.body)
                .setParameter("data", toJson(notification.data == null ? Map.of() : notification.data))
                .setParameter("createdAt", notification.createdAt);
        announcement.ifPresent(announced -> insert.setParameter("announceOn", announced.channel())
                .setParameter("origin", announced.origin()));
        List<?> inserted = insert.getResultList();
        if (inserted.isEmpty()) {
            return false;
        }
        notification.sequence = ((Number) ((Object[]) inserted.get(0))[0]).longValue();
        return true;
    }

    /**
     * Takes the recipients' locks of {@link #insertIfAbsent} at once, in the order of their keys: a transaction that
     * tells several people one event after another (a batch of events) would otherwise take them in the events'
     * order, and two such transactions could each hold a person the other waits for. One round trip.
     */
    public void lockRecipients(Collection<String> recipients) {
        if (recipients.isEmpty()) {
            return;
        }
        // The subquery's order is the order the locks are taken in. The names travel as one JSON array.
        getEntityManager().createNativeQuery("""
                        SELECT CAST(pg_advisory_xact_lock(%d, key) AS TEXT) FROM (
                            SELECT DISTINCT hashtext(recipient) AS key
                              FROM jsonb_array_elements_text(CAST(:recipients AS JSONB)) AS recipient
                             ORDER BY key) AS sorted""".formatted(RECIPIENT_LOCKS))
                .setParameter("recipients", toJson(recipients)).getResultList();
    }

    /** @param value strings, in a map or a collection */
    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("strings are always JSON", e);
        }
    }

    public Optional<Notification> findBySource(UUID sourceEventId, String recipient, NotificationChannel channel) {
        return find("sourceEventId = :source and recipient = :recipient and channel = :channel",
                Parameters.with("source", sourceEventId).and("recipient", recipient).and("channel", channel))
                .firstResultOptional();
    }

    /** The notifications (every channel, every person) that offered this need, oldest first. */
    @SuppressWarnings("unchecked")
    public List<Notification> offersOfNeed(UUID needId) {
        return getEntityManager().createNativeQuery("""
                        SELECT * FROM notification WHERE kind = 'OFFER_RECEIVED' AND data ->> 'needId' = ?1
                         ORDER BY created_at, id""", Notification.class)
                .setParameter(1, needId.toString()).getResultList();
    }

    /** Records the person's answer to the offer on its notifications; the first answer counts. */
    public void markActed(String recipient, UUID assignmentId, String action, Instant at) {
        getEntityManager().createNativeQuery("""
                        UPDATE notification SET acted_at = ?1, action = ?2
                         WHERE recipient = ?3 AND kind = 'OFFER_RECEIVED' AND data ->> 'assignmentId' = ?4
                           AND acted_at IS NULL""")
                .setParameter(1, at.atOffset(ZoneOffset.UTC)).setParameter(2, action).setParameter(3, recipient)
                .setParameter(4, assignmentId.toString()).executeUpdate();
    }

    /** The recipient's inbox notifications created after the given stream sequence, oldest first. */
    public List<Notification> inboxAfter(String recipient, long sequence, int limit) {
        return find("recipient = ?1 and channel = ?2 and sequence > ?3", Sort.ascending("sequence"),
                recipient, NotificationChannel.IN_APP, sequence).page(Page.ofSize(limit)).list();
    }

    private PanacheQuery<Notification> query(Filter filter) {
        StringBuilder where = new StringBuilder("recipient = :recipient and channel = :channel");
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("recipient", filter.recipient());
        parameters.put("channel", NotificationChannel.IN_APP);
        if (filter.unread() != null) {
            where.append(filter.unread() ? " and readAt is null" : " and readAt is not null");
        }
        return find(where.toString(), Sort.descending("createdAt", "id"), parameters);
    }
}
