package org.linkage.notification.service.push;

import java.time.Duration;
import java.util.Optional;

/** A push the push service did not accept. Messages never hold the token. */
public class PushException extends RuntimeException {

    /** What to do about it. */
    public enum Outcome {
        /** The token no longer reaches the app: remove the device, do not retry. */
        TOKEN_INVALID,
        /** Nothing to send it to any more (the device was removed or passed to someone else): do not retry. */
        UNDELIVERABLE,
        /** Try again, not before {@link #retryAfter()} when the push service said so (429, 503). */
        RETRY
    }

    private final Outcome outcome;
    private final Duration retryAfter;

    private PushException(Outcome outcome, String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.outcome = outcome;
        this.retryAfter = retryAfter;
    }

    public static PushException tokenInvalid(String reason) {
        return new PushException(Outcome.TOKEN_INVALID, reason, null, null);
    }

    public static PushException undeliverable(String reason) {
        return new PushException(Outcome.UNDELIVERABLE, reason, null, null);
    }

    public static PushException retry(String reason) {
        return new PushException(Outcome.RETRY, reason, null, null);
    }

    public static PushException retry(String reason, Throwable cause) {
        return new PushException(Outcome.RETRY, reason, null, cause);
    }

    public static PushException retryAfter(String reason, Optional<Duration> after) {
        return new PushException(Outcome.RETRY, reason, after.orElse(null), null);
    }

    public Outcome outcome() {
        return outcome;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
