package org.linkage.notification.service;

import org.linkage.notification.domain.Language;
import org.linkage.notification.domain.NotificationKind;

import java.util.Map;

/**
 * What to tell whom, in every language, before it is stored in the recipient's language and delivered.
 *
 * @param emergency delivered at once on every chosen channel, whatever the recipient's quiet hours
 */
public record NotificationDraft(
        String recipient,
        NotificationKind kind,
        Map<Language, NotificationText> texts,
        Map<String, String> data,
        boolean emergency) {

    public NotificationText text(Language language) {
        return texts.get(language);
    }
}
