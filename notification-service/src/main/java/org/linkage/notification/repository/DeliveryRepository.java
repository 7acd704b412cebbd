package org.linkage.notification.repository;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import org.linkage.chassis.web.PageRequest;
import org.linkage.notification.domain.Delivery;
import org.linkage.notification.domain.DeliveryStatus;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class DeliveryRepository implements PanacheRepositoryBase<Delivery, UUID> {

    /** Due deliveries, locked until the transaction ends (see {@link DueRowLocks}). */
    public List<Delivery> lockDue(Instant now, int limit) {
        return DueRowLocks.lockDue(getEntityManager(), "delivery", Delivery.class, now, limit);
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
