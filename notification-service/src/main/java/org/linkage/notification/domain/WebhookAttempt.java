package org.linkage.notification.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One POST of a webhook delivery and what came of it. */
@Entity
@Table(name = "webhook_attempt")
public class WebhookAttempt {

    @Id
    public UUID id;

    @Column(name = "delivery_id")
    public UUID deliveryId;

    @Column(name = "attempted_at")
    public Instant attemptedAt;

    /** Null when no answer came. */
    @Column(name = "status_code")
    public Integer statusCode;

    public String error;

    @Column(name = "duration_ms")
    public long durationMillis;

    public boolean succeeded() {
        return statusCode != null && statusCode / 100 == 2;
    }
}
