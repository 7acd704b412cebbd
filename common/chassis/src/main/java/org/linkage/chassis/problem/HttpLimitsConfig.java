package org.linkage.chassis.problem;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Map;

/**
 * How long a request line and how large a request body the HTTP layer takes ({@link HttpProblems}).
 * {@code quarkus.http.limits.max-body-size} must be at least the largest body limit (Quarkus refuses anything above
 * it first, without a problem body).
 */
@ConfigMapping(prefix = "linkage.http")
public interface HttpLimitsConfig {

    /** The longest request line answered; longer ones get 414. */
    @WithDefault("8192")
    int maxUriLength();

    /** Every operation's body limit unless listed in {@link #largerBodies()}: JSON documents are small. */
    @WithDefault("1M")
    MemorySize maxBodySize();

    /** Operations that take more, such as a photo upload, by name: {@code linkage.http.larger-bodies.NAME.path}. */
    Map<String, LargerBody> largerBodies();

    interface LargerBody {

        /** The operation's path, exactly (e.g. /api/v1/hazard-reports). */
        String path();

        /** Its limit. */
        MemorySize maxBodySize();
    }
}
