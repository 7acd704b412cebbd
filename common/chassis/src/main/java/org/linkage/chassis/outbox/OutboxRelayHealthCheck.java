package org.linkage.chassis.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready unless the relay keeps failing: then events are piling up and an operator must look. */
@Readiness
@ApplicationScoped
public class OutboxRelayHealthCheck implements HealthCheck {

    private final OutboxRelay relay;
    private final OutboxConfig config;

    OutboxRelayHealthCheck(OutboxRelay relay, OutboxConfig config) {
        this.relay = relay;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        if (!config.relayEnabled()) {
            return HealthCheckResponse.named("outbox-relay").up().withData("role", "disabled").build();
        }
        boolean healthy = relay.isRunning() && !relay.isFailing();
        return HealthCheckResponse.named("outbox-relay")
                .status(healthy)
                .withData("role", relay.isLeader() ? "leader" : "standby")
                .build();
    }
}
