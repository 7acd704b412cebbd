package org.linkage.notification.service;

import org.linkage.notification.domain.NotificationKind;

import java.util.Map;

/**
 * What to tell whom, before it is written in the recipient's language and delivered.
 *
 * @param values    what the kind's templates show (see {@link NotificationTemplates}); a value may be null
 * @param data      ids and values the app needs to act on the notification
 * @param emergency delivered at once on every chosen channel, whatever the recipient's quiet hours
 */
public record NotificationDraft(
        String recipient,
        NotificationKind kind,
        Map<String, Object> values,
        Map<String, String> data,
        boolean emergency) {
}
