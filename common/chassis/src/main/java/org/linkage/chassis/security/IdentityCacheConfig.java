package org.linkage.chassis.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How long a replica trusts a cached login resolution ({@link IdentityProjection}) while it listens. */
@ConfigMapping(prefix = "linkage.identity-cache")
public interface IdentityCacheConfig {

    /** A guard against a change not heard: even while listening, a resolution is read again after this long. */
    @WithDefault("1m")
    Duration maxAge();

    /**
     * A login still in use after this long is read again in the background, with the others then due, so that its
     * requests keep being answered from the cache and never all wait for the database at once.
     */
    @WithDefault("40s")
    Duration refreshAfter();
}
