package org.linkage.notification.mapping;

import org.linkage.notification.api.PreferencesResponse;
import org.linkage.notification.api.QuietHoursBody;
import org.linkage.notification.domain.NotificationChannel;
import org.linkage.notification.domain.NotificationKind;
import org.linkage.notification.domain.RecipientPreference;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

public final class PreferenceMapper {

    public static PreferencesResponse toResponse(RecipientPreference preference) {
        Map<NotificationKind, List<NotificationChannel>> channels = new EnumMap<>(NotificationKind.class);
        Arrays.stream(NotificationKind.values()).forEach(kind -> channels.put(kind, preference.channelsFor(kind)));
        return new PreferencesResponse(preference.recipient, channels, preference.language.tag(),
                preference.quietHours().map(quiet -> new QuietHoursBody(quiet.start(), quiet.end())).orElse(null),
                preference.email, preference.phone, preference.updatedAt);
    }

    private PreferenceMapper() {
    }
}
