package org.linkage.notification.service.push;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * One push, whatever the route: what the lock screen shows and what the app gets to act on.
 *
 * @param title      the notification's title in the person's language
 * @param body       a line for the lock screen that holds no personal data (see {@link PushMessages})
 * @param deepLink   where tapping it leads in the app, e.g. {@code linkage://offers/<assignment id>}
 * @param data       ids the app needs (notification, need, assignment, kind), never names, addresses or tokens
 * @param urgent     an emergency: time-sensitive on iOS, high priority on Android
 * @param collapseId a newer push with the same id replaces this one on the phone (one per need)
 * @param expiresAt  when the push service may drop it undelivered: the offer's end, if it has one
 */
public record PushMessage(String title, String body, String deepLink, Map<String, String> data, boolean urgent,
                          Optional<String> collapseId, Optional<Instant> expiresAt) {
}
