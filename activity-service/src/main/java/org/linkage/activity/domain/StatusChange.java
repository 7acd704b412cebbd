package org.linkage.activity.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import java.time.Instant;

/** One entry of a need's status history. */
@Embeddable
public class StatusChange {

    @Enumerated(EnumType.STRING)
    public NeedStatus status;

    public String reason;

    @Column(name = "changed_at")
    public Instant changedAt;

    protected StatusChange() {
    }

    public StatusChange(NeedStatus status, String reason, Instant changedAt) {
        this.status = status;
        this.reason = reason;
        this.changedAt = changedAt;
    }
}
