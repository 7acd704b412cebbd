package org.linkage.notification.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Generated;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

@Entity
@Table(name = "notification")
public class Notification {

    @Id
    public UUID id;

    /** The event that caused it; with recipient and channel, what makes it exactly once. */
    @Column(name = "source_event_id")
    public UUID sourceEventId;

    public String recipient;

    /** Set by PostgreSQL on insert; the live stream's event id, so a reconnecting app can resume after it. */
    @Generated
    @Column(insertable = false, updatable = false)
    public Long sequence;

    @Enumerated(EnumType.STRING)
    public NotificationChannel channel;

    @Enumerated(EnumType.STRING)
    public NotificationKind kind;

    public String title;

    public String body;

    /** Ids and values the app needs to act on the notification, e.g. to accept an offer. */
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, String> data;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "read_at")
    public Instant readAt;

    /** When the person answered the offer this notification brought (OFFER_RECEIVED only). */
    @Column(name = "acted_at")
    public Instant actedAt;

    /** ACCEPTED or DECLINED. */
    public String action;

    /** Drops the kind's secret data (see {@link NotificationKind#secretData}) once it can no longer be sent. */
    public void forgetSecrets() {
        if (data != null && kind.secretData().stream().anyMatch(data::containsKey)) {
            Map<String, String> kept = new LinkedHashMap<>(data);
            kept.keySet().removeAll(kind.secretData());
            data = kept;
        }
    }

    public boolean isRead() {
        return readAt != null;
    }
}
