package org.linkage.notification.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** Sending one notification outside the app; its state is in the database so that retries survive restarts. */
@Entity
@Table(name = "delivery")
public class Delivery extends RetriedSend {

    @Column(name = "notification_id")
    public UUID notificationId;

    @Enumerated(EnumType.STRING)
    public NotificationChannel channel;

    /** The address or phone number as the preferences gave it when the notification was created. */
    public String destination;

    /** The SMS provider that accepted it (ALIYUN, TENCENT); null for email and until accepted. */
    public String provider;

    /** The provider's id for the message, which its delivery report names. */
    @Column(name = "provider_message_id")
    public String providerMessageId;

    /** When the provider reported the phone received it. */
    @Column(name = "delivered_at")
    public Instant deliveredAt;

    /** A step of the escalation ladder: sent only if the offer is still unopened and open when it falls due. */
    public boolean escalation;

    /** When it was first meant to go out: a destination gets its deliveries in this order, retries included. */
    @Column(name = "first_due_at")
    public Instant firstDueAt;

    /** The dispatcher's claim while it sends this (see DeliveryDispatcher); null before the first. */
    public UUID claim;

    /**
     * Taken by a dispatcher's claim until {@code leaseEnd}: one attempt more, and should the claim never record its
     * outcome, due again when the lease ends.
     */
    public void claimed(UUID by, Instant leaseEnd) {
        firstDue();
        claim = by;
        attempts++;
        nextAttemptAt = leaseEnd;
    }

    @PrePersist
    void firstDue() {
        if (firstDueAt == null) {
            firstDueAt = nextAttemptAt;
        }
    }
}
