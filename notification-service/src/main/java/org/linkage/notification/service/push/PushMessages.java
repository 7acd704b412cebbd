package org.linkage.notification.service.push;

import org.linkage.notification.domain.Language;
import org.linkage.notification.domain.Notification;
import org.linkage.notification.domain.NotificationKind;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a notification into a push. A lock screen is seen by whoever holds the phone, so the push carries the
 * notification's title (kind, urgency and category, e.g. "【紧急救助】新的服务邀请：助老陪伴") and a fixed line asking
 * to open the app, never the body with its summary, time and area; the app shows those after login. The data
 * carries ids only, from a fixed list: never a name, a child's data, an address, a link with a secret or a token.
 */
public final class PushMessages {

    /** The notification data the app may get in a push: ids and times, nothing personal. */
    static final Set<String> SHARED_DATA = Set.of("needId", "assignmentId", "activityId", "certificationId",
            "expiresAt", "urgency");

    private PushMessages() {
    }

    public static PushMessage of(Notification notification, Language language, String scheme) {
        Map<String, String> given = notification.data == null ? Map.of() : notification.data;
        Map<String, String> data = new LinkedHashMap<>();
        data.put("notificationId", notification.id.toString());
        data.put("kind", notification.kind.name());
        given.forEach((key, value) -> {
            if (SHARED_DATA.contains(key) && value != null) {
                data.put(key, value);
            }
        });
        String link = deepLink(notification, given, scheme);
        data.put("link", link);
        return new PushMessage(notification.title, hint(notification.kind, language), link, Map.copyOf(data),
                "EMERGENCY".equals(given.get("urgency")),
                Optional.ofNullable(given.get("needId")).map(needId -> "need-" + needId),
                expiry(given.get("expiresAt")));
    }

    /** {@code linkage://offers/<assignment id>} for an offer, {@code linkage://notifications/<id>} otherwise. */
    static String deepLink(Notification notification, Map<String, String> data, String scheme) {
        if (notification.kind == NotificationKind.OFFER_RECEIVED && data.get("assignmentId") != null) {
            return scheme + "://offers/" + data.get("assignmentId");
        }
        return scheme + "://notifications/" + notification.id;
    }

    static String hint(NotificationKind kind, Language language) {
        boolean offer = kind == NotificationKind.OFFER_RECEIVED;
        return switch (language) {
            case ZH_CN -> offer ? "请打开 Linkage 查看详情，接受或谢绝。" : "请打开 Linkage 查看详情。";
            case EN -> offer ? "Open Linkage to see the details and accept or decline."
                    : "Open Linkage for the details.";
        };
    }

    private static Optional<Instant> expiry(String expiresAt) {
        try {
            return Optional.ofNullable(expiresAt).map(Instant::parse);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
