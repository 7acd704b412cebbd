package org.linkage.chassis.security;

import jakarta.enterprise.context.ApplicationScoped;
import org.linkage.chassis.signals.ReplicaSignals;

/**
 * Forgets from this replica's cache of login resolutions what any replica changed in the identity projection, and
 * keeps the cache out of use while the replica's signals are not heard (starting, or the listening session lost).
 */
@ApplicationScoped
public class IdentityCacheSignals implements ReplicaSignals.Listener {

    private final IdentityProjection projection;

    IdentityCacheSignals(IdentityProjection projection) {
        this.projection = projection;
    }

    @Override
    public String channel() {
        return IdentityProjection.CHANNEL;
    }

    @Override
    public void received(String payload) {
        projection.invalidate(payload);
    }

    @Override
    public void listening(boolean listening) {
        // Changes may have gone unheard meanwhile; the cache is trusted again once the signals are (isListening).
        projection.invalidateAll();
    }
}
