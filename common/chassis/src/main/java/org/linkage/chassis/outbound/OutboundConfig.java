package org.linkage.chassis.outbound;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.List;
import java.util.Optional;

/**
 * Where the suite may send requests that a third party chose the address of (webhooks). The defaults are the
 * production rules: https only, no exceptions; dev and test profiles allow http and name their local receivers.
 */
@ConfigMapping(prefix = "linkage.outbound")
public interface OutboundConfig {

    /** False only in dev and test: plain http is then allowed too. */
    @WithDefault("true")
    boolean requireHttps();

    /**
     * Host names or address literals, exactly as written in a URL, that are reached whatever their address (a test's
     * receiver on 127.0.0.1). Empty in production.
     */
    Optional<List<String>> allowedHosts();

    /**
     * The suite's own hosts: a URL naming one of these, or a name under one of them, is refused whatever it resolves
     * to. Deployments add their ingress host with {@link #extraRefusedHosts()}.
     */
    @WithDefault("localhost,volunteer-service,activity-service,matching-service,notification-service,postgres,"
            + "postgresql,kafka,keycloak,cluster.local,internal,local")
    List<String> refusedHosts();

    /** Added to {@link #refusedHosts()}: the public ingress host and any other name of the deployment. */
    Optional<List<String>> extraRefusedHosts();
}
