package org.linkage.notification.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An integrator's wish to receive some event types at a URL. */
@Entity
@Table(name = "webhook_subscription")
public class WebhookSubscription {

    @Id
    public UUID id;

    /** The integrator who manages it; the access token's subject once sign-in exists. */
    public String owner;

    public String url;

    /** Names from {@link WebhookCatalogue}. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "event_types")
    public List<String> eventTypes;

    /** Signs every delivery; shared with the integrator when subscribing and never shown again. */
    public String secret;

    /** The secret before the last rotation: deliveries are signed with it too until {@link #previousSecretUntil}. */
    @Column(name = "previous_secret")
    public String previousSecret;

    @Column(name = "previous_secret_until")
    public Instant previousSecretUntil;

    public String description;

    @Column(name = "created_at")
    public Instant createdAt;

    /** The secrets a delivery made at this moment is signed with: the current one first. */
    public List<String> signingSecrets(Instant at) {
        return previousSecret != null && previousSecretUntil != null && at.isBefore(previousSecretUntil)
                ? List.of(secret, previousSecret) : List.of(secret);
    }
}
