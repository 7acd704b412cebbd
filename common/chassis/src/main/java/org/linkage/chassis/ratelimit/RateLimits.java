package org.linkage.chassis.ratelimit;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.ConfigProvider;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per budget and caller: full at n calls, refilled at n per minute, so a burst of n passes and then
 * one call every 60/n seconds. Kept in memory per replica: a limit of n allows at most n × replicas, enough to stop
 * a runaway client or a script without a shared store on the hot path.
 */
@ApplicationScoped
public class RateLimits {

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final Map<String, Integer> limits = new ConcurrentHashMap<>();
    private final Clock clock;

    public RateLimits() {
        this(Clock.systemUTC());
    }

    RateLimits(Clock clock) {
        this.clock = clock;
    }

    public int limitOf(String budget, int defaultPerMinute) {
        return limits.computeIfAbsent(budget, name -> ConfigProvider.getConfig()
                .getOptionalValue("linkage.rate-limit.\"" + name + "\".per-minute", Integer.class)
                .orElse(defaultPerMinute));
    }

    /** Seconds until the caller may try again, or 0 if this call is within the budget (and is counted). */
    public long acquire(String budget, int defaultPerMinute, String caller) {
        int limit = limitOf(budget, defaultPerMinute);
        long now = clock.millis();
        double perMilli = limit / 60_000.0;
        Bucket bucket = buckets.compute(budget + '\u0000' + caller, (key, current) -> {
            double tokens = current == null ? limit
                    : Math.min(limit, current.tokens + (now - current.updatedAt) * perMilli);
            return new Bucket(tokens >= 1 ? tokens - 1 : tokens, now, tokens >= 1);
        });
        if (buckets.size() > 100_000) {
            buckets.values().removeIf(b -> now - b.updatedAt > 60_000);
        }
        return bucket.granted ? 0 : Math.max(1, (long) Math.ceil((1 - bucket.tokens) / perMilli / 1000));
    }

    private record Bucket(double tokens, long updatedAt, boolean granted) {
    }
}
