package org.linkage.chassis.web;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Map;

/**
 * How large a request body each operation accepts. {@code quarkus.http.limits.max-body-size} must be at least the
 * largest of these (Quarkus refuses anything above it first); {@link BodyLimits} holds every other path to
 * {@link #maxBodySize()}.
 */
@ConfigMapping(prefix = "linkage.http")
public interface BodyLimitsConfig {

    /** Every operation's limit unless listed in {@link #largerBodies()}: JSON documents are small. */
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
