package org.linkage.notification.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.linkage.chassis.signals.ReplicaSignals;

/**
 * Ready only while this replica listens for the others' signals: without them, streams open here would not get
 * the notifications made elsewhere, and every event would read preferences from the database again.
 */
@Readiness
@ApplicationScoped
public class ReplicaSignalsHealthCheck implements HealthCheck {

    private final ReplicaSignals signals;

    ReplicaSignalsHealthCheck(ReplicaSignals signals) {
        this.signals = signals;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("replica-signals").status(signals.isListening()).build();
    }
}
