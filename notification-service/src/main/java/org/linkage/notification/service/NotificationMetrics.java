package org.linkage.notification.service;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Locale;

/** The counter {@value #NAME} the dashboard plots: how messages went, per channel. */
@ApplicationScoped
public class NotificationMetrics {

    static final String NAME = "linkage.notifications";

    /** Channel tags besides the notification channels. */
    public static final String WEBHOOK = "webhook";

    public enum Outcome {
        SENT,
        /** Given up after the last attempt. */
        FAILED,
        /** Held back until the recipient's quiet hours end. */
        DEFERRED,
        /** Not created: the recipient unsubscribed from the kind, or has no device to push to. */
        SUPPRESSED
    }

    private final MeterRegistry registry;

    NotificationMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** @param channel in_app, email, sms, push or webhook */
    public void count(String channel, Outcome outcome) {
        registry.counter(NAME, "channel", channel, "outcome", outcome.name().toLowerCase(Locale.ROOT)).increment();
    }
}
