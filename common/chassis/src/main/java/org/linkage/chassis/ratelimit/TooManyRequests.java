package org.linkage.chassis.ratelimit;

import org.linkage.chassis.problem.ProblemException;

import java.util.List;

/** Over a limit: 429 problem+json whose Retry-After says when the caller may try again. */
public class TooManyRequests extends ProblemException {

    private final long retryAfterSeconds;

    public TooManyRequests(String detail, long retryAfterSeconds) {
        super(429, "rate-limited", "Too many requests", detail, List.of());
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
