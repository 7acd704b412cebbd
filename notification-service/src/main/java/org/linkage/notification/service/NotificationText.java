package org.linkage.notification.service;

/** A notification's words in one language. */
public record NotificationText(String title, String body) {
}
