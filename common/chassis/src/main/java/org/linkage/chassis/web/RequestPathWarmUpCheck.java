package org.linkage.chassis.web;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Startup;

/**
 * Started once the request path warm-up is over (done, or stopped with a warning: it is worth having, not needed).
 * Kubernetes' startup probe then sends no request to a replica whose first requests would still pay the one-time
 * work; the launcher waits for it before ending an ahead-of-time cache's training run, so that the cache holds the
 * classes the warm-up loaded. Readiness does not wait for it.
 */
@Startup
@ApplicationScoped
public class RequestPathWarmUpCheck implements HealthCheck {

    private final RequestPathWarmUp warmUp;

    RequestPathWarmUpCheck(RequestPathWarmUp warmUp) {
        this.warmUp = warmUp;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("request-path-warm-up")
                .status(warmUp.warmed().toCompletableFuture().isDone()).build();
    }
}
