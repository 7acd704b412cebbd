package org.linkage.notification.service;

import org.linkage.notification.domain.NotificationKind;

import java.util.Map;

/** What to tell whom, before it is stored and delivered. */
public record NotificationDraft(
        String recipient,
        NotificationKind kind,
        String title,
        String body,
        Map<String, String> data) {
}
