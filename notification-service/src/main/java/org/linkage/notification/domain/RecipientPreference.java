package org.linkage.notification.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** How a person wants to be told. */
@Entity
@Table(name = "recipient_preference")
public class RecipientPreference {

    @Id
    public String recipient;

    /** Per kind, the channels; a kind that is not listed gets its {@link NotificationKind#defaultChannels()}. */
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<NotificationKind, List<NotificationChannel>> channels;

    @Enumerated(EnumType.STRING)
    public Language language;

    /** Local time in the district; both null when the person has no quiet hours. */
    @Column(name = "quiet_start")
    public LocalTime quietStart;

    @Column(name = "quiet_end")
    public LocalTime quietEnd;

    public String email;

    public String phone;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** What a person who never set preferences gets. */
    public static RecipientPreference defaults(String recipient) {
        RecipientPreference preference = new RecipientPreference();
        preference.recipient = recipient;
        preference.channels = Map.of();
        preference.language = Language.ZH_CN;
        return preference;
    }

    public Optional<QuietHours> quietHours() {
        return quietStart == null ? Optional.empty() : Optional.of(new QuietHours(quietStart, quietEnd));
    }

    public List<NotificationChannel> channelsFor(NotificationKind kind) {
        return channels.getOrDefault(kind, kind.defaultChannels());
    }
}
