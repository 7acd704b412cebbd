package org.linkage.notification.domain;

import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * What every send out of the suite that is retried keeps, a delivery (SMS, email, push) and a webhook POST alike: its
 * state is a row, so that retries survive restarts, and these are the columns and moves the dispatchers share.
 */
@MappedSuperclass
public abstract class RetriedSend {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    public DeliveryStatus status;

    public int attempts;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "sent_at")
    public Instant sentAt;

    @Column(name = "created_at")
    public Instant createdAt;

    /** The receiver took it at that time: SENT, and no error any more. */
    public void sent(Instant at) {
        status = DeliveryStatus.SENT;
        sentAt = at;
        lastError = null;
    }

    /**
     * It failed with that error: tried again at {@code next}, or given up (FAILED) when there is no next attempt.
     *
     * @return true when it was given up
     */
    public boolean failed(String error, Optional<Instant> next) {
        lastError = error;
        next.ifPresentOrElse(at -> nextAttemptAt = at, () -> status = DeliveryStatus.FAILED);
        return next.isEmpty();
    }
}
