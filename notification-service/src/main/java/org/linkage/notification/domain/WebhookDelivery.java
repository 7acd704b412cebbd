package org.linkage.notification.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.util.UUID;

/**
 * POSTing one event to one subscription; its state is in the database so that retries survive restarts. Its
 * {@code attempts} count the current round: a manual re-delivery starts a new round.
 */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery extends RetriedSend {

    @Column(name = "subscription_id")
    public UUID subscriptionId;

    @Column(name = "event_id")
    public UUID eventId;

    @Column(name = "event_type")
    public String eventType;

    /** The event envelope as JSON, exactly as POSTed and signed. */
    public String body;
}
