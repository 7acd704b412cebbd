package org.linkage.notification.service.sms;

import org.linkage.notification.service.SmsGateway.SmsException;

import java.net.http.HttpResponse;
import java.time.Duration;

/** Why a provider could not take a message now; the router then tries the other provider. */
public final class ProviderFailure {

    private ProviderFailure() {
    }

    /** Unreachable, 5xx, or an answer that says the account or the service is unusable: opens the breaker. */
    public static class ProviderDown extends SmsException {
        public ProviderDown(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The provider asks us to slow down (HTTP 429, Throttling, RequestLimitExceeded): not a breaker failure. */
    public static class ProviderThrottled extends SmsException {
        public ProviderThrottled(String message, Duration retryAfter) {
            super(message, null, retryAfter);
        }
    }

    /** The Retry-After header in seconds, when there is one. */
    static Duration retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").map(String::trim).filter(v -> v.matches("[0-9]{1,6}"))
                .map(v -> Duration.ofSeconds(Long.parseLong(v))).orElse(null);
    }

    static String abbreviate(String body) {
        return body == null ? "" : body.length() <= 200 ? body : body.substring(0, 200) + "…";
    }
}
