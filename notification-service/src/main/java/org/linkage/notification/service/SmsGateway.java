package org.linkage.notification.service;

import org.linkage.notification.domain.NotificationKind;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Sends a templated text message through the configured provider(s): the kind picks the registered template, the
 * notification's data fill its parameters; no free text.
 */
public interface SmsGateway {

    /**
     * Sends the template registered as {@code message} (a notification kind's name, or an SMS-only message such as
     * {@link org.linkage.notification.service.sms.SmsTemplates#LOGIN_CODE}) filled from {@code data}.
     * Returns once a provider accepted the message. Throws {@link SmsRefused} when it must not be tried again as it
     * is (a bad number, a missing template parameter, the number's limit for the day), {@link SmsDeferred} when the
     * number's limit allows it again later, {@link SmsException} when no provider could take it now.
     */
    Accepted send(String phone, String message, Map<String, String> data, UUID reference);

    /** A notification's text message: its kind's template. */
    default Accepted send(String phone, NotificationKind kind, Map<String, String> data, UUID reference) {
        return send(phone, kind.name(), data, reference);
    }

    /** Which provider took it and its id for the message (what delivery reports name). */
    record Accepted(String provider, String messageId) {
    }

    /** Not sent now; worth trying again, not before {@code retryAfter} when the provider said so. */
    class SmsException extends RuntimeException {
        private final Duration retryAfter;

        public SmsException(String message, Throwable cause) {
            this(message, cause, null);
        }

        public SmsException(String message, Throwable cause, Duration retryAfter) {
            super(message, cause);
            this.retryAfter = retryAfter;
        }

        public Optional<Duration> retryAfter() {
            return Optional.ofNullable(retryAfter);
        }
    }

    /** Will never be sent as it is: the delivery fails at once with this reason. */
    class SmsRefused extends RuntimeException {
        public SmsRefused(String message) {
            super(message);
        }
    }

    /** The number's per-number limit at the provider: try again after {@code wait}, not sooner and not elsewhere. */
    class SmsDeferred extends RuntimeException {
        private final Duration wait;

        public SmsDeferred(String message, Duration wait) {
            super(message);
            this.wait = wait;
        }

        public Duration waitFor() {
            return wait;
        }
    }
}
