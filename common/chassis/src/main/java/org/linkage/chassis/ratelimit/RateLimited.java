package org.linkage.chassis.ratelimit;

import jakarta.ws.rs.NameBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Limits how often one caller (the token's subject, or the client address when there is no token) may call the
 * annotated operations, per minute. Operations naming the same limit share one budget. The figure can be
 * overridden with {@code linkage.rate-limit."<name>".per-minute}.
 */
@NameBinding
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface RateLimited {

    /** The budget's name, e.g. "raise-need". */
    String value();

    /** Calls per caller and minute when not configured. */
    int perMinute();
}
