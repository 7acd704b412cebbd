package org.linkage.notification.repository;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Query;
import org.linkage.chassis.web.PageRequest;
import org.linkage.notification.domain.Delivery;
import org.linkage.notification.domain.DeliveryStatus;
import org.linkage.notification.domain.NotificationChannel;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
public class DeliveryRepository implements PanacheRepositoryBase<Delivery, UUID> {

    /**
     * Claims up to {@code limit} due deliveries for sending outside this transaction: each gets the claim (the
     * claiming replica), one more attempt, and is not due again until {@code leaseEnd} (when a claim that was never
     * recorded is taken again). Rows another replica holds are skipped, not waited for. A delivery is due only once
     * nothing its destination was meant to get before it is outstanding elsewhere: waiting for a retry, or in flight
     * at another replica. What the claiming replica itself has in flight for the destination does not hold it back:
     * that replica sends it after those (DeliveryDispatcher). So each device, phone number and address is sent its
     * deliveries in order, retries and outages included.
     */
    @SuppressWarnings("unchecked")
    public List<Delivery> claimDue(Instant now, int limit, UUID claim, Instant leaseEnd) {
        List<Delivery> due = getEntityManager().createNativeQuery("""
                        SELECT d.* FROM delivery d
                         WHERE d.status = 'PENDING' AND d.next_attempt_at <= :now
                           AND NOT EXISTS (SELECT 1 FROM delivery e
                                WHERE e.status = 'PENDING' AND e.channel = d.channel
                                  AND e.destination = d.destination AND e.first_due_at <= :now
                                  AND (e.first_due_at, e.created_at, e.id) < (d.first_due_at, d.created_at, d.id)
                                  AND NOT (e.claim IS NOT DISTINCT FROM :claim AND e.next_attempt_at > :now))
                         ORDER BY d.next_attempt_at
                         LIMIT :limit
                           FOR UPDATE OF d SKIP LOCKED""", Delivery.class)
                .setParameter("now", now)
                .setParameter("claim", claim)
                .setParameter("limit", limit)
                .getResultList();
        if (!due.isEmpty()) {
            update("claim = ?1, attempts = attempts + 1, nextAttemptAt = ?2 where id in ?3", claim, leaseEnd,
                    due.stream().map(delivery -> delivery.id).toList());
            due.forEach(delivery -> {
                getEntityManager().detach(delivery);
                delivery.claimed(claim, leaseEnd);
            });
        }
        return due;
    }

    /**
     * Of these destinations of one channel, those that already have a delivery outstanding that fell due by now
     * (waiting for a retry, or in flight anywhere): a new delivery to them must go after it, through
     * {@link #claimDue}. All of them when {@code offDutyOf} is set and that volunteer is known to be off duty or gone
     * (the dispatcher then cancels the offer's delivery). One round trip.
     */
    @SuppressWarnings("unchecked")
    public Set<String> heldBack(NotificationChannel channel, Collection<String> destinations, Instant now,
                                Optional<String> offDutyOf) {
        if (destinations.isEmpty()) {
            return Set.of();
        }
        Query query = getEntityManager().createNativeQuery("""
                        SELECT destination FROM delivery
                         WHERE status = 'PENDING' AND channel = :channel AND destination IN (:destinations)
                           AND first_due_at <= :now
                        %s""".formatted(offDutyOf.isEmpty() ? "" : """
                        UNION ALL SELECT '*' FROM volunteer_duty
                         WHERE volunteer = :volunteer AND NOT (on_duty AND active)"""))
                .setParameter("channel", channel.name())
                .setParameter("destinations", destinations)
                .setParameter("now", now);
        offDutyOf.ifPresent(volunteer -> query.setParameter("volunteer", volunteer));
        Set<String> held = new HashSet<>(query.getResultList());
        return held.contains("*") ? Set.copyOf(destinations) : held;
    }

    /** Whether any of these deliveries' destinations has another delivery due now (waiting behind them). */
    public boolean anyDueBehind(Collection<Delivery> recorded, Instant now) {
        return !recorded.isEmpty() && !getEntityManager().createNativeQuery("""
                        SELECT 1 FROM delivery WHERE status = 'PENDING' AND next_attempt_at <= :now
                           AND channel IN (:channels) AND destination IN (:destinations) LIMIT 1""")
                .setParameter("now", now)
                .setParameter("channels", recorded.stream().map(d -> d.channel.name()).distinct().toList())
                .setParameter("destinations", recorded.stream().map(d -> d.destination).distinct().toList())
                .getResultList().isEmpty();
    }

    /** Cancels a claimed delivery that must not go out, saying why. */
    public void cancel(UUID id, String reason) {
        update("status = ?1, lastError = ?2 where id = ?3", DeliveryStatus.CANCELLED, reason, id);
    }

    /** These deliveries by id, locked (in the order of their ids) for recording their outcomes, in one round trip. */
    public Map<UUID, Delivery> lockAll(Collection<UUID> ids) {
        Map<UUID, Delivery> locked = new HashMap<>();
        find("id in ?1", Sort.ascending("id"), ids).withLock(LockModeType.PESSIMISTIC_WRITE).list()
                .forEach(delivery -> locked.put(delivery.id, delivery));
        return locked;
    }

    /** The SMS delivery a provider accepted under this message id, or null. */
    public Delivery findByProviderMessage(String provider, String messageId) {
        return find("provider = ?1 and providerMessageId = ?2", provider, messageId).firstResult();
    }

    /** The pending escalation steps of what this event brought the person: they are no longer needed. */
    public void cancelEscalation(String recipient, UUID sourceEventId) {
        update("status = ?1 where status = ?2 and escalation = true and notificationId in "
                        + "(select n.id from Notification n where n.recipient = ?3 and n.sourceEventId = ?4)",
                DeliveryStatus.CANCELLED, DeliveryStatus.PENDING, recipient, sourceEventId);
    }

    /** The deliveries of these notifications, oldest first. */
    public List<Delivery> ofNotifications(Collection<UUID> notificationIds) {
        return notificationIds.isEmpty() ? List.of()
                : list("notificationId in ?1", Sort.ascending("createdAt", "id"), notificationIds);
    }

    /** The pending escalation steps of this offer to the person, in one statement: they are no longer needed. */
    public void cancelEscalationOfOffer(String recipient, UUID assignmentId) {
        getEntityManager().createNativeQuery("""
                        UPDATE delivery SET status = 'CANCELLED'
                         WHERE status = 'PENDING' AND escalation AND notification_id IN
                               (SELECT id FROM notification WHERE recipient = ?1 AND kind = 'OFFER_RECEIVED'
                                   AND data ->> 'assignmentId' = ?2)""")
                .setParameter(1, recipient).setParameter(2, assignmentId.toString()).executeUpdate();
    }

    /** A person's deliveries, newest first; status null means all. */
    public record Filter(String recipient, DeliveryStatus status) {
    }

    public List<Delivery> search(Filter filter, int page, int size) {
        return query(filter).page(PageRequest.of(page, size)).list();
    }

    public long count(Filter filter) {
        return query(filter).count();
    }

    private PanacheQuery<Delivery> query(Filter filter) {
        Parameters parameters = Parameters.with("recipient", filter.recipient());
        String where = "notificationId in (select n.id from Notification n where n.recipient = :recipient)";
        if (filter.status() != null) {
            where += " and status = :status";
            parameters.and("status", filter.status());
        }
        return find(where, Sort.descending("createdAt", "id"), parameters);
    }
}
